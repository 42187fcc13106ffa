package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** While the server starts, {@code /health/ready} says UP only once the API answers. */
@ServerTest
@RunAsClient
class ReadinessIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.realEar();
    }

    @Test
    void readinessIsUpOnlyWhenTheApiAnswers() throws Exception {
        URI ready = Server.root().resolve("health/ready");
        URI api = Server.app().resolve("api/about");
        Path asadmin = Path.of(System.getProperty("payara.home"), "bin", "asadmin");
        Process restart = new ProcessBuilder(asadmin.toString(), "--port", System.getProperty("it.admin.port"),
                "restart-domain", System.getProperty("it.server.domain"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();

        // From the moment the server is down until readiness has said UP ten times: each UP, then the API.
        boolean wentDown = false;
        int upInARow = 0;
        List<String> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (upInARow < 10) {
            assertTrue(Instant.now().isBefore(deadline), "the server was not ready within 5 minutes: " + seen);
            int readiness = status(ready);
            wentDown |= readiness == 0;
            if (!wentDown) {
                Thread.sleep(50);
                continue;
            }
            if (readiness == 200) {
                int answer = status(api);
                note(seen, "ready 200, API " + answer);
                assertTrue(answer == 200, "readiness said UP while the API answered " + answer + ": " + seen);
                upInARow++;
            } else {
                note(seen, "ready " + readiness);
                upInARow = 0;
            }
            Thread.sleep(100);
        }
        assertTrue(restart.waitFor(180, TimeUnit.SECONDS) && restart.exitValue() == 0,
                "restart-domain succeeded");
    }

    /** What was seen, each change once. */
    private static void note(List<String> seen, String what) {
        if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(what)) {
            seen.add(what);
        }
    }

    /** The HTTP status, or 0 when nothing answers. */
    private static int status(URI uri) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListening) {
            return 0;
        }
    }
}
