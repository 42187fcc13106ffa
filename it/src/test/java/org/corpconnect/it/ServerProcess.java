package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The test domain's server process, for the tests that kill it as a crash would, and start it again. */
final class ServerProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess() {
    }

    /** {@code kill -9}: no shutdown of any kind, as a crash or an OOM killer would stop it. */
    static void kill() throws Exception {
        Path pidFile = Path.of(System.getProperty("payara.home"), "glassfish", "domains", System.getProperty("it.server.domain"), "config", "pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no server process " + pid));
        assertTrue(server.destroyForcibly(), "SIGKILL sent");
        server.onExit().get(60, TimeUnit.SECONDS);
    }

    /**
     * After a {@code kill -9} on the embedded H2 (the default database): killed once more, its database files
     * removed, started again, so that the classes after this one start on a database the application makes anew
     * (migrated at its start), never on a file the kill may have left unreadable to the next open (h2database#2752:
     * seen as "File corrupted while reading record" at the deployment of a later class). A database outside the
     * server (DB_URL, the PostgreSQL pass) outlives the kill as it should, and is left as it is.
     */
    static void replaceEmbeddedDatabaseAfterKill() throws Exception {
        if (System.getenv("DB_URL") != null) {
            return;
        }
        kill();
        Path database = Path.of(System.getProperty("payara.home"), "glassfish", "domains", System.getProperty("it.server.domain"),
                "config", "exchange-connection");
        try (Stream<Path> files = Files.list(database)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("corpconnect.")).toList()) {
                Files.delete(file);
            }
        }
        start();
        awaitReady(Duration.ofMinutes(3));
    }

    /** Until {@code /health/ready} is UP: the application deployed and its API answering, as after any start. */
    static void awaitReady(Duration timeout) throws InterruptedException {
        URI ready = Server.root().resolve("health/ready");
        Instant deadline = Instant.now().plus(timeout);
        String seen = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                seen = answer.statusCode() + " " + answer.body();
            } catch (IOException notUpYet) {
                seen = "no answer: " + notUpYet;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("not ready within " + timeout + " after the start; last seen: " + seen);
    }

    /** Starts the domain again (the application deploys with it; callers wait for what they need). */
    static void start() throws IOException, InterruptedException {
        Path asadmin = Path.of(System.getProperty("payara.home"), "bin", "asadmin");
        Process start = new ProcessBuilder(asadmin.toString(), "--port", System.getProperty("it.admin.port"),
                "start-domain", System.getProperty("it.server.domain"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(start.waitFor(180, TimeUnit.SECONDS), "start-domain finished");
        assertEquals(0, start.exitValue(), "start-domain succeeded");
    }
}
