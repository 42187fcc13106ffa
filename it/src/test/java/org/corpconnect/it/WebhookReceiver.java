package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The integrating app's webhook endpoint, in the test JVM on loopback (the one port there that the
 * test domain's {@code exchange.allowed-hosts} allows): records every request, and answers 500 to an
 * event's first attempts where told to. {@link #verifies} is README's recipe, written out on its own.
 */
final class WebhookReceiver implements AutoCloseable {

    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("IT_WEBHOOK_PORT", "28027"));

    /** One request, and what the receiver answered. */
    record Received(String path, String eventId, String signature, String body, int answered) {
        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        JsonObject data() {
            return json().getJsonObject("data");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failuresPerEvent = new ConcurrentHashMap<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(PORT), 0); // every address: localhost's IPv6 one too
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String path = exchange.getRequestURI().getPath();
            String eventId = exchange.getRequestHeaders().getFirst("Webhook-Id");
            int attempt = attempts.merge(path + " " + eventId, 1, Integer::sum);
            int status = attempt <= failuresPerEvent.getOrDefault(path, 0) ? 500 : 200;
            received.add(new Received(path, eventId, String.valueOf(exchange.getRequestHeaders().getFirst("Webhook-Signature")),
                    body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    static WebhookReceiver start() throws IOException {
        return new WebhookReceiver();
    }

    /** The URL of a path of this receiver, as an endpoint is registered. */
    static String url(String path) {
        return "http://localhost:" + PORT + path;
    }

    /** Answers 500 to each event's first {@code attemptsPerEvent} attempts at this path (0: answers 200 from now on). */
    void failFirst(String path, int attemptsPerEvent) {
        failuresPerEvent.put(path, attemptsPerEvent);
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    List<Received> await(String path, Predicate<List<Received>> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.test(received(path))) {
            assertTrue(Instant.now().isBefore(deadline), "within " + timeout + " at " + path + ": " + received(path));
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return received(path);
    }

    /** {@code t=<unix>,v1=<hex>[,v1=<hex>]}: one v1 is HMAC-SHA256(secret as UTF-8, "<t>.<body>") in hex, t within 5 minutes. */
    static boolean verifies(Received delivery, String secret) {
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : delivery.signature().split(",")) {
            String[] pair = part.split("=", 2);
            if (pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + delivery.body()).getBytes(StandardCharsets.UTF_8)));
            return signatures.contains(expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
