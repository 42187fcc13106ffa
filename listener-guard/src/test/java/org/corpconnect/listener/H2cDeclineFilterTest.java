package org.corpconnect.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Grizzly's own HTTP server without HTTP/2, as Payara's listeners are under port unification, with the filter
 * where the guard puts it: Java's HttpClient offers {@code Upgrade: h2c} on every request until a server takes it;
 * other clients open with HTTP/2's preface.
 */
class H2cDeclineFilterTest {

    private static final String OFFER = "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAEAAEAAAAIAAAAAAAMAAAAAAAQBAAAAAAUAAEAAAAYABgAA\r\n";

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new HttpServer();
        NetworkListener listener = new NetworkListener("guarded", "localhost", 0);
        listener.registerAddOn(new AddOn() { // right after the codec, as GuardedPortUnificationFilter puts it
            @Override
            public void setup(NetworkListener networkListener, FilterChainBuilder builder) {
                builder.add(builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class) + 1, new H2cDeclineFilter());
            }
        });
        server.addListener(listener);
        server.getServerConfiguration().addHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws IOException {
                // An upgraded request's content is the new protocol's stream: read only what a POST sends.
                byte[] body = request.getMethod() == Method.POST ? request.getInputStream().readAllBytes() : new byte[0];
                response.setContentType("text/plain");
                response.getWriter().write(request.getMethod() + " " + body.length + " bytes, upgrade " + request.getHeader("Upgrade"));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void aRequestOfferingH2cIsServedAsHttp11WithItsBodyAndTheConnectionKept() throws IOException {
        String body = "{\"title\":\"Consultation\"}";
        String answers = exchange("GET /first HTTP/1.1\r\nHost: localhost\r\n" + OFFER + "\r\n"
                + "POST /second HTTP/1.1\r\nHost: localhost\r\n" + OFFER + "Content-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body
                + "GET /third HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertTrue(answers.startsWith("HTTP/1.1 200"), answers);
        assertTrue(answers.contains("GET 0 bytes, upgrade null"), answers);
        assertTrue(answers.contains("POST " + body.length() + " bytes, upgrade null"), "the body arrives: " + answers);
        assertEquals(3, answers.split("HTTP/1.1 200", -1).length - 1, "three answers on one connection: " + answers);
        assertTrue(!answers.contains("101"), "no switch of protocols: " + answers);
    }

    /** As Java's HttpClient sends a form: the offering headers first, the body in a write of its own, read apart. */
    @Test
    void aBodyThatComesAfterItsOfferingHeadersArrivesWhole() throws Exception {
        String body = "csrf=token&action=refresh";
        try (Socket socket = new Socket("localhost", server.getListener("guarded").getPort())) {
            socket.setSoTimeout(5_000);
            socket.setTcpNoDelay(true);
            socket.getOutputStream().write(("POST /form HTTP/1.1\r\nHost: localhost\r\n" + OFFER
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            Thread.sleep(300);
            socket.getOutputStream().write(body.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            StringBuilder answers = new StringBuilder();
            byte[] buffer = new byte[4096];
            try {
                for (int n; !answers.toString().contains("upgrade null") && (n = socket.getInputStream().read(buffer)) > 0; ) {
                    answers.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (java.net.SocketTimeoutException e) {
                // what came is what it answered
            }
            assertTrue(answers.toString().contains("POST " + body.length() + " bytes, upgrade null"), "the body arrives: " + answers);
        }
    }

    /** Grizzly then hands the connection over: it ends after the answer. */
    @Test
    void anotherUpgradeIsLeftToWhoeverHandlesIt() throws IOException {
        String answers = exchange("GET /chat HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n");

        assertTrue(answers.contains("upgrade websocket"), answers);
    }

    /** A client with prior knowledge of HTTP/2 hears at once that there is none here, instead of waiting. */
    @Test
    void theHttp2PrefaceOfAClientWithPriorKnowledgeIsAnswered505AndTheConnectionClosed() throws IOException {
        // The connection preface, then an empty SETTINGS frame.
        String answer = exchange("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\4\0\0\0\0\0");

        assertTrue(answer.startsWith("HTTP/1.1 505"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertTrue(answer.contains("\"urn:corpconnect:problem:http-version-not-supported\""), answer);
    }

    /** Everything the server answered, until it closed the connection. */
    private String exchange(String requests) throws IOException {
        try (Socket socket = new Socket("localhost", server.getListener("guarded").getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
