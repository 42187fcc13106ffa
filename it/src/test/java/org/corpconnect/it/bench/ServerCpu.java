package org.corpconnect.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the test domain's server process has used so far (Linux {@code /proc}): per request, it says
 * what a request costs the server whatever else the machine runs, where a throughput says it only on a
 * quiet machine.
 */
final class ServerCpu {

    /** USER_HZ: the unit of /proc/[pid]/stat's times, 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private ServerCpu() {
    }

    static long millis() {
        if (System.getProperty("com.sun.aas.instanceRoot") != null) { // A bench inside the server: this process is the server.
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
                    / 1_000_000;
        }
        try {
            String pid = Files.readString(Path.of(System.getProperty("payara.home"), "glassfish", "domains",
                    System.getProperty("it.domain"), "config", "pid")).strip();
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // Fields after the command name (in parentheses, which may hold spaces): utime is the 14th, stime the 15th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the server's CPU time", e);
        }
    }
}
