package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
