package org.corpconnect.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The booking front end's view of the API: one account, one API key. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Tenant(long accountId, String serviceMailbox, String apiKey) {
    }

    private Api() {
    }

    /** A new account with its users (comma-separated addresses), connected and synced, with an API key. */
    public static Tenant tenant(String users, String mode) {
        JsonObject json = Server.json(send(HttpRequest.newBuilder(
                Server.app().resolve("it-api-fixture?users=" + users + "&mode=" + mode))
                .POST(HttpRequest.BodyPublishers.noBody())));
        return new Tenant(json.getJsonNumber("accountId").longValue(), json.getString("serviceMailbox"),
                json.getString("apiKey"));
    }

    public static HttpRequest.Builder request(Tenant tenant, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Server.app().resolve("api/" + path)).timeout(Duration.ofSeconds(120));
        return tenant == null ? request : request.header("Authorization", "Bearer " + tenant.apiKey());
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> postJson(Tenant tenant, String path, String key, String body) {
        HttpRequest.Builder request = request(tenant, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request);
    }
}
