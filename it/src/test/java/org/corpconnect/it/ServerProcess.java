package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The test domain's server process, for the tests that kill it as a crash would, and start it again. */
final class ServerProcess {

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
