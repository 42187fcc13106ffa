package org.corpconnect.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** The booking front end's view of the API: one account, one API key. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param caller who the simulator's request log says sent the account's requests (see {@link TestAccounts.TestAccount#caller()})
     * @param servicePassword the dedicated mailbox's password, or on Graph the app's secret
     */
    public record Tenant(long accountId, String serviceMailbox, String caller, String apiKey, long apiKeyId,
                         String servicePassword) {

        public static Tenant of(JsonObject fixture) {
            return new Tenant(fixture.getJsonNumber("accountId").longValue(), fixture.getString("serviceMailbox"),
                    fixture.getString("caller"), fixture.getString("apiKey"), fixture.getJsonNumber("apiKeyId").longValue(),
                    fixture.getString("servicePassword"));
        }
    }

    /** Every answer of the API in this test JVM, headers and body, to search for secrets afterwards. */
    private static final List<String> ANSWERS = new CopyOnWriteArrayList<>();
    /** The answers of the API not yet compared with its OpenAPI document (ApiAnswersChecked takes them after each class). */
    private static final Queue<HttpResponse<String>> UNCHECKED = new ConcurrentLinkedQueue<>();
    private static final List<String> SECRETS = new CopyOnWriteArrayList<>();

    private Api() {
    }

    /** A new EWS account with its users (comma-separated addresses), connected and synced, with an API key. */
    public static Tenant tenant(String users, String mode) {
        return Tenant.of(fixture(users, mode, Protocol.EWS));
    }

    /** The same over the protocol: on Graph app-only (mode IMPERSONATION, the central mode). */
    public static Tenant tenant(String users, String mode, Protocol protocol) {
        return Tenant.of(fixture(users, mode, protocol));
    }

    /** The fixture's whole answer: the tenant, and its admin's sign-in. */
    public static JsonObject fixture(String users, String mode, Protocol protocol) {
        JsonObject json = Server.json(send(HttpRequest.newBuilder(
                Server.app().resolve("it-api-fixture?users=" + users + "&mode=" + mode + "&protocol=" + protocol))
                .POST(HttpRequest.BodyPublishers.noBody())));
        SECRETS.add(json.getString("servicePassword"));
        return json;
    }

    /** Revokes the tenant's API key, as its admin would. */
    public static void revoke(Tenant tenant) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(Server.app().resolve(
                "it-api-fixture?account=" + tenant.accountId() + "&key=" + tenant.apiKeyId())).DELETE());
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("revoke: " + answer.statusCode());
        }
    }

    /** No answer of the API carried a dedicated mailbox's password or an API key. */
    public static void assertNoSecretInAnswers(List<String> apiKeys) {
        for (String answer : ANSWERS) {
            for (String secret : SECRETS) {
                if (answer.contains(secret)) {
                    throw new AssertionError("An API answer carried a dedicated mailbox's password or an app's secret");
                }
            }
            for (String key : apiKeys) {
                // cck_ + 12 characters of prefix + _ : the rest is the secret part.
                if (answer.contains(key.substring("cck_".length() + 13))) {
                    throw new AssertionError("An API answer carried an API key");
                }
            }
        }
    }

    /** The API's answers since the last call, each once. */
    static List<HttpResponse<String>> takeUncheckedAnswers() {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (HttpResponse<String> answer = UNCHECKED.poll(); answer != null; answer = UNCHECKED.poll()) {
            answers.add(answer);
        }
        return answers;
    }

    public static HttpRequest.Builder request(Tenant tenant, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Server.app().resolve("api/" + path)).timeout(Duration.ofSeconds(120));
        return tenant == null ? request : request.header("Authorization", "Bearer " + tenant.apiKey());
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(HTTP, request);
    }

    /** Through a client of the test's own, the answer kept like any other. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.request().uri().getPath().contains("/api/")) {
                ANSWERS.add(response.headers().map() + "\n" + response.body());
                UNCHECKED.add(response);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits out an answer's {@code Retry-After} (whole seconds), and a little more for the clocks' rounding. */
    public static void waitOutRetryAfter(HttpResponse<?> answer) {
        try {
            Thread.sleep(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 200);
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
