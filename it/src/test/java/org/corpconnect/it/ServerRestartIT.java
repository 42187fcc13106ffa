package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** A server restart keeps each account's persistent timer (same schedule) and its stored busy time. */
@ServerTest
@RunAsClient
class ServerRestartIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    @Test
    void timersAndBusyTimeSurviveARestart() throws Exception {
        URI probe = Server.app().resolve("it-restart-probe");
        JsonObject before = Server.json(send(HttpRequest.newBuilder(probe).POST(HttpRequest.BodyPublishers.noBody())));
        String nextRefresh = before.getString("nextRefresh");
        assertFalse(nextRefresh.isEmpty(), "the account has its timer: " + before);
        assertTrue(before.getJsonObject("users").values().stream()
                .anyMatch(u -> !u.asJsonObject().getJsonArray("intervals").isEmpty()), "busy time stored: " + before);

        restartDomain();

        URI state = URI.create(probe + "?account=" + before.getJsonNumber("account").longValue());
        JsonObject after = awaitAnswer(state, Duration.ofSeconds(180));
        assertEquals(nextRefresh, after.getString("nextRefresh"), "the same persistent timer, on the same schedule");
        assertEquals(before.getJsonObject("users"), after.getJsonObject("users"), "the same busy time");
    }

    private static void restartDomain() throws IOException, InterruptedException {
        Path asadmin = Path.of(System.getProperty("payara.home"), "bin", "asadmin");
        Process restart = new ProcessBuilder(asadmin.toString(), "--port", System.getProperty("it.admin.port"),
                "restart-domain", System.getProperty("it.server.domain"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(restart.waitFor(180, TimeUnit.SECONDS), "restart-domain finished");
        assertEquals(0, restart.exitValue(), "restart-domain succeeded");
    }

    private static JsonObject awaitAnswer(URI uri, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Server.json(response);
                }
            } catch (IOException notUpYet) {
                // the server is still starting
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The application did not answer within " + timeout + " after the restart");
            }
            Thread.sleep(500);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }
}
