package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The users page's CSV upload, sent as a browser sends it: a bad file gets words, never a 500. */
@ServerTest
@RunAsClient
class UserImportUploadIT {

    private static final SimulatorControl SIMULATOR = SimulatorControl.ofTestRun();
    private static final Pattern LOGIN_CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern IMPORT_ACTION = Pattern.compile("action=\"([^\"]*/users\\?csrf=[^\"]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    @BeforeAll
    static void demoData() {
        SIMULATOR.loadDemo();
    }

    @Test
    void anUnterminatedQuoteIsReportedInWordsWithItsLine() throws Exception {
        Session admin = Session.signedInAdmin();
        String csv = "address,display name,time zone\nlukas.weber@contoso.test,\"Weber, Lukas\nsophie.mueller@contoso.test\n";

        HttpResponse<String> answer = admin.importCsv(csv.getBytes(StandardCharsets.UTF_8));

        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("The file is not readable as CSV after line"), answer.body());
        assertTrue(answer.body().contains("quoted field is not closed"), answer.body());
    }

    @Test
    void aFileOverTwoMegabytesIsRefusedAs413InWords() throws Exception {
        Session admin = Session.signedInAdmin();
        byte[] big = "someone@contoso.test,Some One,Europe/Berlin\n".repeat(60_000).getBytes(StandardCharsets.UTF_8);
        assertTrue(big.length > 2 * 1024 * 1024);

        HttpResponse<String> answer = admin.importCsv(big);

        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("larger than 2 MB"), answer.body());
        assertEquals(200, admin.get(admin.usersPage).statusCode(), "the session goes on");
    }

    /** An account admin's signed-in session, as a browser holds it: cookie, CSRF token of the page. */
    private static final class Session {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // By hand: the session cookie is Secure, which java.net's CookieManager keeps from http://localhost.
        private final Map<String, String> cookies = new ConcurrentHashMap<>();
        private URI usersPage;

        static Session signedInAdmin() throws Exception {
            JsonObject tenant = Server.json(Api.send(HttpRequest.newBuilder(
                    Server.app().resolve("it-api-fixture?users=anna.schmidt@contoso.test&mode=IMPERSONATION"))
                    .POST(HttpRequest.BodyPublishers.noBody())));
            Session session = new Session();
            String csrf = find(LOGIN_CSRF, session.get(Server.app().resolve("admin/login")).body());
            HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(Server.app().resolve("admin/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + enc(csrf) + "&username=" + enc(tenant.getString("adminUsername"))
                            + "&password=" + enc(tenant.getString("adminPassword")))));
            assertEquals(302, signedIn.statusCode(), "signed in and sent on: " + signedIn.body());
            session.usersPage = Server.app().resolve("admin/accounts/" + tenant.getString("accountKey") + "/users");
            return session;
        }

        HttpResponse<String> importCsv(byte[] file) throws IOException, InterruptedException {
            String action = find(IMPORT_ACTION, get(usersPage).body()).replace("&amp;", "&");
            String boundary = "----it" + UUID.randomUUID().toString().replace("-", "");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            part(body, boundary, "Content-Disposition: form-data; name=\"action\"", "import".getBytes(StandardCharsets.UTF_8));
            part(body, boundary, "Content-Disposition: form-data; name=\"defaultTimeZone\"", "Europe/Berlin".getBytes(StandardCharsets.UTF_8));
            part(body, boundary, "Content-Disposition: form-data; name=\"csv\"; filename=\"users.csv\"\r\nContent-Type: text/csv", file);
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(HttpRequest.newBuilder(usersPage.resolve(action))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri).GET());
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String pair = cookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
            return response;
        }

        private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) throws IOException {
            body.write(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }

        private static String find(Pattern pattern, String page) {
            Matcher matcher = pattern.matcher(page);
            assertTrue(matcher.find(), pattern + " in " + page);
            return matcher.group(1);
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
