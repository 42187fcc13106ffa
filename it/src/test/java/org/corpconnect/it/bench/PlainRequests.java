package org.corpconnect.it.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Requests sent by a client that only reads each answer to its end: what the simulator's own floors are made of. */
final class PlainRequests {

    private PlainRequests() {
    }

    /**
     * Sends every request, {@code concurrency} in flight, each answer read to its end; every answer must be a 200
     * containing {@code expected}. Milliseconds from the first request sent to the last answer read.
     */
    static long sendAll(HttpClient http, Queue<HttpRequest> requests, int concurrency, String expected) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        try {
            long t = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                workers.add(threads.submit(() -> {
                    for (HttpRequest request = requests.poll(); request != null; request = requests.poll()) {
                        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        String text = new String(answer.body(), StandardCharsets.UTF_8);
                        if (answer.statusCode() != 200 || !text.contains(expected)) {
                            throw new IllegalStateException("The simulator answered " + answer.statusCode() + ": "
                                    + text.substring(0, Math.min(500, text.length())));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return (System.nanoTime() - t) / 1_000_000;
        } finally {
            threads.shutdownNow();
        }
    }
}
