package org.corpconnect.it.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * A closed-loop HTTP load generator: a fixed number of virtual users, each sending its next request as
 * soon as the last one was answered, for a fixed time (bounded, loopback only). A warm-up run of the same
 * kind comes first and is not counted.
 */
final class LoadGenerator {

    /** {@code serverCpuMillis}: the server process's CPU time over the measured run. */
    record Result(long requests, long errors, double seconds, long[] sortedMicros, long serverCpuMillis) {

        double serverCpuMillisPerRequest() {
            return (double) serverCpuMillis / Math.max(1, requests);
        }

        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (sortedMicros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedMicros.length - 1, Math.ceil(p * sortedMicros.length) - 1);
            return sortedMicros[Math.max(0, index)] / 1000.0;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int virtualUsers;

    LoadGenerator(int virtualUsers) {
        this.virtualUsers = virtualUsers;
    }

    Result run(Supplier<HttpRequest> requests, Duration warmUp, Duration measured) throws Exception {
        load(requests, warmUp);
        long cpu = ServerCpu.millis();
        Result result = load(requests, measured);
        return new Result(result.requests(), result.errors(), result.seconds(), result.sortedMicros(), ServerCpu.millis() - cpu);
    }

    /** Load that is not measured: the server's JIT compiles what these requests pass through. */
    void warmUp(Supplier<HttpRequest> requests, Duration length) throws Exception {
        load(requests, length);
    }

    private Result load(Supplier<HttpRequest> requests, Duration length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(virtualUsers);
        try {
            long start = System.nanoTime();
            long end = start + length.toNanos();
            List<Future<long[]>> users = new ArrayList<>();
            long[] errors = new long[virtualUsers];
            for (int u = 0; u < virtualUsers; u++) {
                int user = u;
                users.add(pool.submit(() -> {
                    long[] micros = new long[1024];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        HttpRequest request = requests.get();
                        long t = System.nanoTime();
                        if (!ok(request)) {
                            errors[user]++;
                        }
                        if (n == micros.length) {
                            micros = Arrays.copyOf(micros, n * 2);
                        }
                        micros[n++] = (System.nanoTime() - t) / 1000;
                    }
                    return Arrays.copyOf(micros, n);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> user : users) {
                long[] micros = user.get();
                int from = all.length;
                all = Arrays.copyOf(all, from + micros.length);
                System.arraycopy(micros, 0, all, from, micros.length);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(all);
            return new Result(all.length, Arrays.stream(errors).sum(), seconds, all, 0);
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean ok(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
