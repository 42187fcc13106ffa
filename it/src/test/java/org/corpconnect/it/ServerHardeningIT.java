package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The server as shipped, tried as an attacker would: ambiguous request targets, version headers,
 * cache and sniffing headers of the API, the WADL, the session cookie, and request headers folded
 * so that the server's own parser logs them. Raw sockets where java.net.http would refuse to send.
 */
@ServerTest
@RunAsClient
class ServerHardeningIT {

    private static final String STYLE_SHEET_TEXT = "font-family";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.realEar();
    }

    @Test
    void encodedTraversalIsRefusedWith400ProblemAndNothingServed() {
        for (String target : List.of("api/v1/bookings/..%2f..%2f..%2fadmin-static%2fadmin.css",
                "api/v1/bookings/%2e%2e/%2e%2e/%2e%2e/admin-static/admin.css", "api/v1/bookings/%252e%252e/admin-static/admin.css",
                "api/..;/admin-static/admin.css", "admin-static/admin.css?x=%G1")) {
            Raw answer = Raw.send("GET /exchange-connection/" + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertEquals(400, answer.status(), target + ": " + answer);
            assertTrue(answer.header("content-type").startsWith("application/problem+json"), target + ": " + answer);
            assertTrue(answer.body().contains("\"urn:corpconnect:problem:malformed-request\""), answer.body());
            assertFalse(answer.body().contains(STYLE_SHEET_TEXT), "nothing of the style sheet is served");
        }
        assertTrue(Server.get(Server.app().resolve("admin-static/admin.css")).body().contains(STYLE_SHEET_TEXT),
                "the style sheet itself is there: the refusals above are not a missing file");
    }

    /**
     * Targets Payara cannot %-decode: without the listeners' guard (listener-guard, harden-domain-once.asadmin)
     * it answers them with an empty 200 or its own error page before any application filter runs.
     */
    private static final List<String> UNDECODABLE_TARGETS = List.of("/exchange-connection/api/v1/bookings/%zz",
            "/exchange-connection/admin-static/admin.css%", "/exchange-connection/admin-static/admin.css%2",
            "/exchange-connection/api/v1/bookings/%c0%ae%c0%ae/%c0%ae%c0%ae/admin-static/admin.css",
            "/exchange-connection/admin-static/admin.css%00.json", "/exchange-connection/admin-static/admin.css%ff",
            "/exchange-connection/api/v1/bookings/..%5c..%5cadmin-static%5cadmin.css", "/exchange-connection/admin-static/admin.css?v=%zz",
            "/exchange-connection/admin/%zz", "/%zz", "/%", "/%%3", "/a%G1", "/no-such-application/%c0%ae");

    @Test
    void aTargetTheServerCannotDecodeIsRefusedWith400ProblemAndNothingServed() {
        for (String target : UNDECODABLE_TARGETS) {
            Raw answer = Raw.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertRefusedAsMalformed(target, answer);
        }
    }

    /** The guard judges every request of a connection, not only its first. */
    @Test
    void anUndecodableTargetLaterOnAKeptAliveConnectionIsRefusedToo() {
        String text = Raw.exchange("GET /exchange-connection/admin-static/admin.css HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET /exchange-connection/admin-static/admin.css%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertTrue(text.startsWith("HTTP/1.1 200"), text);
        int second = text.indexOf("HTTP/1.1 ", text.indexOf(STYLE_SHEET_TEXT));
        assertTrue(second > 0, "an answer to the second request: " + text);
        assertRefusedAsMalformed("the second request", Raw.parse(text.substring(second)));
    }

    /** The HTTPS listener (http-listener-2: Payara's portbase + 81) is guarded the same way. */
    @Test
    void theHttpsListenerRefusesUndecodableTargetsToo() throws Exception {
        int httpsPort = Server.appOverHttps().getPort();
        for (String target : List.of("/exchange-connection/api/v1/bookings/%zz", "/exchange-connection/admin-static/admin.css%00.json", "/%")) {
            try (Socket socket = Server.trustingItsCertificate().getSocketFactory().createSocket("localhost", httpsPort)) {
                Raw answer = Raw.over(socket, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

                assertRefusedAsMalformed("https " + target, answer);
            }
        }
    }

    /**
     * HTTP/2 with prior knowledge over plain http, which the guarded listeners do not speak (README, "Hardening
     * an existing domain"): the client hears so at once, instead of both sides waiting for the other.
     */
    @Test
    void theHttp2PrefaceIsAnswered505ProblemOverHttp11() {
        Raw answer = Raw.send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\4\0\0\0\0\0");

        assertEquals(505, answer.status(), answer.toString());
        assertTrue(answer.header("content-type").startsWith("application/problem+json"), answer.toString());
        assertTrue(answer.body().contains("\"urn:corpconnect:problem:http-version-not-supported\""), answer.toString());
        assertNoServerNamed("the HTTP/2 preface", answer.headers());
    }

    private static void assertRefusedAsMalformed(String target, Raw answer) {
        assertEquals(400, answer.status(), target + ": " + answer);
        assertTrue(answer.header("content-type").startsWith("application/problem+json"), target + ": " + answer);
        assertTrue(answer.body().contains("\"urn:corpconnect:problem:malformed-request\""), target + ": " + answer);
        assertFalse(answer.body().contains(STYLE_SHEET_TEXT), target + ": " + answer);
        assertEquals("no-store", answer.header("cache-control"), target + ": " + answer);
        assertNoServerNamed(target, answer.headers());
    }

    @Test
    void noAnswerNamesTheServerOrJava() {
        for (URI uri : List.of(Server.app().resolve("api/about"), Server.app().resolve("api/v1/bookings"),
                Server.app().resolve("api/v1/nothing-here"), Server.app().resolve("admin/login"), Server.app().resolve("admin/"),
                Server.app().resolve("admin-static/admin.css"), Server.root().resolve("health/ready"), Server.root().resolve("openapi"),
                Server.root().resolve("no-such-application"), Server.app().resolve("no-such-page"))) {
            HttpResponse<String> answer = Server.get(uri);
            assertNoServerNamed(uri.toString(), answer.headers().map());
        }
        Raw traversal = Raw.send("GET /exchange-connection/api/v1/bookings/..%2f..%2fadmin HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertNoServerNamed("traversal", traversal.headers());
    }

    /**
     * The pages the server writes itself: its errors outside the application (an unknown path, a method a
     * file does not allow), the web container's inside it, and what used to be its welcome page.
     */
    @Test
    void noPageOfTheServerNamesIt() {
        for (String request : List.of("GET / HTTP/1.1", "GET /no-such-application HTTP/1.1", "DELETE /no-such-application HTTP/1.1",
                "GET /img/payara-logo.svg HTTP/1.1", "TRACE / HTTP/1.1", "GET /exchange-connection/WEB-INF/web.xml HTTP/1.1",
                "DELETE /exchange-connection/admin-static/admin.css HTTP/1.1", "GET /exchange-connection/admin-static/no-such.css HTTP/1.1",
                "PUT /health HTTP/1.1", "GET /exchange-connection/no-such-page HTTP/1.1")) {
            Raw answer = Raw.send(request + "\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

            assertTrue(answer.status() >= 400, request + ": " + answer);
            String body = answer.body().toLowerCase(Locale.ROOT);
            for (String telltale : List.of("payara", "glassfish", "grizzly", "java", "jakarta", "servlet")) {
                assertFalse(body.contains(telltale), request + ": " + answer);
            }
            assertNoServerNamed(request, answer.headers());
        }
    }

    @Test
    void everyApiAnswerIsNotStoredNorSniffedAndErrorsAreProblems() {
        for (String path : List.of("api/about", "api/v1/bookings", "api/v1/nothing-here", "api/application.wadl")) {
            HttpResponse<String> answer = Server.get(Server.app().resolve(path));
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""), path);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            if (answer.statusCode() >= 400) {
                assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
            }
        }
    }

    @Test
    void theWadlIsNotServed() {
        HttpResponse<String> wadl = Server.get(Server.app().resolve("api/application.wadl"));

        assertEquals(404, wadl.statusCode());
        assertFalse(wadl.body().contains("wadl"), wadl.body());
    }

    @Test
    void theSessionCookieIsStrictSecureAndHttpOnly() {
        String cookie = Server.get(Server.app().resolve("admin/login")).headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().toLowerCase(Locale.ROOT);

        assertTrue(cookie.contains("samesite=strict"), cookie);
        assertTrue(cookie.contains("secure"), cookie);
        assertTrue(cookie.contains("httponly"), cookie);
    }

    @Test
    void aFoldedHeaderCarryingAnApiKeyLeavesNoTraceInTheServerLog() throws IOException {
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        String key = "cck_ABCDEFGHJKLM_" + secret + "0123456789a";
        Path log = Path.of(System.getProperty("payara.home"), "glassfish", "domains", System.getProperty("it.server.domain"), "logs", "server.log");
        List<String> requests = List.of(
                // The folded line joins the Host header, whose "port" the server then fails to parse.
                "GET /exchange-connection/api/v1/bookings HTTP/1.1\r\nHost: localhost\r\n Authorization: Bearer " + key + "\r\nConnection: close\r\n\r\n",
                "GET /exchange-connection/api/v1/bookings HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n Authorization: Bearer " + key + "\r\nConnection: close\r\n\r\n",
                "GET /exchange-connection/api/v1/bookings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\tAuthorization: Bearer " + key + "\r\nConnection: close\r\n\r\n",
                "GET /exchange-connection/api/v1/bookings HTTP/1.1\r\n Authorization: Bearer " + key + "\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /exchange-connection/api/v1/%zz HTTP/1.1\r\nHost: localhost:" + key + "\r\nConnection: close\r\n\r\n");
        for (String request : requests) {
            Raw answer = Raw.send(request);
            assertFalse(answer.toString().contains(secret), "the answer repeats the key: " + answer);
        }

        Server.get(Server.app().resolve("api/about")); // a request after them: the log has had time to be written
        String content = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertFalse(content.contains(secret), "the API key's secret is in " + log);
    }

    private static void assertNoServerNamed(String where, Map<String, List<String>> headers) {
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            assertFalse(lower.equals("server") || lower.equals("x-powered-by"), where + " has " + name + ": " + values);
            for (String value : values) {
                for (String telltale : List.of("payara", "glassfish", "grizzly", "java", "servlet/", "jsp/")) {
                    assertFalse(value.toLowerCase(Locale.ROOT).contains(telltale), where + ": " + name + ": " + value);
                }
            }
        });
    }

    /** One request written byte for byte to the HTTP port, and the answer as it came. */
    private record Raw(int status, Map<String, List<String>> headers, String body) {

        static Raw send(String request) {
            return parse(exchange(request));
        }

        /** Everything the server answered to the requests, until it closed the connection. */
        static String exchange(String requests) {
            try (Socket socket = new Socket("localhost", Server.root().getPort())) {
                return written(socket, requests);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Raw over(Socket socket, String request) throws IOException {
            return parse(written(socket, request));
        }

        private static String written(Socket socket, String requests) throws IOException {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }

        static Raw parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).strip(), n -> new java.util.ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
            return new Raw(status, headers, body);
        }

        String header(String name) {
            return headers.getOrDefault(name, List.of("")).get(0).toLowerCase(Locale.ROOT);
        }
    }
}
