package org.corpconnect.it.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.corpconnect.it.TestExchange;

/** The simulator's throttling budget (concurrent requests per account, Exchange's EWSMaxConcurrency) and back-off. */
final class SimulatorBudget {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SimulatorBudget() {
    }

    static void set(int budget, long backOffMillis) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + TestExchange.PORT + "/control/throttling"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestExchange.CONTROL_TOKEN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"budget\":" + budget + ",\"backOffMillis\":" + backOffMillis + "}"))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError("Simulator throttling answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Simulator throttling failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
