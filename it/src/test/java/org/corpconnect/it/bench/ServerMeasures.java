package org.corpconnect.it.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the benches that run inside the server measure there, and the simulator's latency they set. */
final class ServerMeasures {

    private ServerMeasures() {
    }

    /** The simulator's fault that answers {@code operation} after {@code millis}, plus that per mailbox asked for. */
    static JsonObject latency(String operation, long millis, long perMailboxMillis) {
        return Json.createObjectBuilder().add("kind", "LATENCY").add("operation", operation)
                .add("millis", millis).add("perMailboxMillis", perMailboxMillis).build();
    }

    /** The server's heap in use after (three requests for) a full collection. */
    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The size of the domain's embedded H2 file (0 on another database). */
    static long databaseBytes() throws IOException {
        Path file = Path.of(System.getProperty("com.sun.aas.instanceRoot"), "config", "exchange-connection", "corpconnect.mv.db");
        return Files.isRegularFile(file) ? Files.size(file) : 0;
    }

    static int config(String name, int defaultValue) {
        return ConfigProvider.getConfig().getOptionalValue(name, Integer.class).orElse(defaultValue);
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    static double mb(long bytes) {
        return Math.round(bytes / 1048576.0 * 10) / 10.0;
    }
}
