package org.corpconnect.exchange.ews;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;
import org.corpconnect.exchange.outbound.CheckedSockets;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ExchangeThrottled;
import org.corpconnect.exchange.ExchangeUnreachable;
import org.corpconnect.exchange.outbound.OutboundPolicy;
import org.corpconnect.exchange.outbound.OutboundRefused;

/**
 * App-only access tokens for an {@link ExchangeCredential.OAuthApp}: the OAuth2 client-credentials grant
 * (<a href="https://learn.microsoft.com/exchange/client-developer/exchange-web-services/how-to-authenticate-an-ews-application-by-using-oauth">EWS
 * and OAuth</a>), scope {@value #EWS_SCOPE}.
 *
 * <p>A token is cached until {@link #REFRESH_MARGIN} before it expires (half its lifetime for short ones),
 * under a key of token endpoint, client id, a SHA-256 of the secret and the access's generation: a
 * replaced credential (new secret, new generation) can never be answered with a token of the old one.
 * One fetch at a time per key (callers of the same key wait for it); different keys do not wait for
 * each other. No retry: a rejected secret is reported at once.
 */
final class OAuthTokens {

    static final String EWS_SCOPE = "https://outlook.office365.com/.default";
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    /** What the token endpoint gave: the token and how long it lives. */
    record Token(String value, Duration lifetime) {
        @Override
        public String toString() {
            return "Token[********, " + lifetime + "]";
        }
    }

    /** One request to the token endpoint; failures leave as this package's exceptions. */
    @FunctionalInterface
    interface Endpoint {
        Token fetch(ExchangeCredential.OAuthApp app, Duration timeout);
    }

    private record Key(URI tokenEndpoint, String clientId, String secretHash, long generation) {
    }

    /** A key's cache entry; its lock serialises the fetches of that key. */
    private static final class Slot {
        private final ReentrantLock lock = new ReentrantLock();
        private String token;
        private Instant refreshAt;
        private boolean retired;
    }

    private final Endpoint endpoint;
    private final Clock clock;
    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();

    /** Fetches over HTTP, connecting only where the policy allows. */
    OAuthTokens(Supplier<OutboundPolicy> policy) {
        this(new TokenRequests(policy), Clock.systemUTC());
    }

    OAuthTokens(Endpoint endpoint, Clock clock) {
        this.endpoint = Objects.requireNonNull(endpoint);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A valid token for this credential and generation, fetched only when the cache has none. */
    String token(ExchangeCredential.OAuthApp app, long generation, Duration timeout) {
        Key key = keyOf(app, generation);
        while (true) {
            Slot slot = slots.computeIfAbsent(key, k -> new Slot());
            slot.lock.lock();
            try {
                if (slot.retired) {
                    continue; // pruned while we waited: take the key's new slot
                }
                Instant now = clock.instant();
                if (slot.token != null && now.isBefore(slot.refreshAt)) {
                    return slot.token;
                }
                slot.token = null;
                Token fresh = endpoint.fetch(app, timeout);
                Duration margin = fresh.lifetime().compareTo(REFRESH_MARGIN.multipliedBy(2)) < 0
                        ? fresh.lifetime().dividedBy(2) : REFRESH_MARGIN;
                slot.token = fresh.value();
                slot.refreshAt = now.plus(fresh.lifetime()).minus(margin);
                pruneExpired(key, now);
                return slot.token;
            } finally {
                slot.lock.unlock();
            }
        }
    }

    /** A token for one request, bypassing the cache: for callers without a generation to key it by. */
    String fetch(ExchangeCredential.OAuthApp app, Duration timeout) {
        return endpoint.fetch(app, timeout).value();
    }

    /** Exchange refused this token (HTTP 401): the next call fetches a new one. */
    void reject(ExchangeCredential.OAuthApp app, long generation, String token) {
        Slot slot = slots.get(keyOf(app, generation));
        if (slot != null) {
            slot.lock.lock();
            try {
                if (token.equals(slot.token)) {
                    slot.token = null;
                }
            } finally {
                slot.lock.unlock();
            }
        }
    }

    /**
     * Forgets expired tokens, e.g. those of replaced credentials, so the cache does not grow. Only
     * slots nobody is using (tryLock): never waits for another key's fetch, never deadlocks.
     */
    private void pruneExpired(Key current, Instant now) {
        slots.forEach((key, slot) -> {
            if (!key.equals(current) && slot.lock.tryLock()) {
                try {
                    if (slot.token == null || !now.isBefore(slot.refreshAt)) {
                        slot.retired = true;
                        slots.remove(key, slot);
                    }
                } finally {
                    slot.lock.unlock();
                }
            }
        });
    }

    private static Key keyOf(ExchangeCredential.OAuthApp app, long generation) {
        return new Key(app.tokenEndpoint(), app.clientId(), sha256(app.clientSecret().reveal()), generation);
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256.", e);
        }
    }

    // ---- The client-credentials request (RFC 6749 4.4; errors 5.2).

    /**
     * The request itself, over Apache HttpClient 4 (already here for ews-java-api) so that the
     * connection goes through {@link CheckedSockets}: the JDK's HttpClient has no hook between name
     * resolution and connect. One client, shared, thread-safe.
     */
    static final class TokenRequests implements Endpoint {
        private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

        private final CloseableHttpClient http;

        TokenRequests(Supplier<OutboundPolicy> policy) {
            this.http = HttpClients.custom()
                    .setConnectionManager(new PoolingHttpClientConnectionManager(CheckedSockets.checked(policy)))
                    .disableRedirectHandling() // a token endpoint never redirects a POST with a secret
                    .disableAutomaticRetries()
                    .disableCookieManagement()
                    .setUserAgent("ExchangeCorporateConnection")
                    .build();
        }

        @Override
        public Token fetch(ExchangeCredential.OAuthApp app, Duration timeout) {
            String form = "grant_type=client_credentials"
                    + "&client_id=" + encode(app.clientId())
                    + "&client_secret=" + encode(app.clientSecret().reveal())
                    + "&scope=" + encode(EWS_SCOPE);
            HttpPost post = new HttpPost(app.tokenEndpoint());
            int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            post.setConfig(RequestConfig.custom().setConnectTimeout(Math.min(CONNECT_TIMEOUT_MILLIS, millis))
                    .setSocketTimeout(millis).setConnectionRequestTimeout(millis).build());
            post.setHeader("Accept", "application/json");
            post.setEntity(new StringEntity(form, ContentType.APPLICATION_FORM_URLENCODED)); // ASCII once encoded
            try (CloseableHttpResponse response = http.execute(post)) {
                HttpEntity entity = response.getEntity();
                String body = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8);
                return answer(app, response.getStatusLine().getStatusCode(), body);
            } catch (CheckedSockets.RefusedConnection refused) {
                throw refused.refusal();
            } catch (IOException e) {
                // The same words as a refused address: whether a port is closed or silent is not the admin's to learn.
                throw new ExchangeUnreachable(OutboundRefused.SENTENCE);
            }
        }
    }

    static Token answer(ExchangeCredential.OAuthApp app, int status, String body) {
        JsonObject json = parse(body);
        if (status == 200) {
            String token = string(json, "access_token");
            Long expiresIn = seconds(json);
            if (token == null || token.isBlank() || expiresIn == null || expiresIn <= 0) {
                throw new ExchangeFailure("The tenant's token endpoint answered without an access token or its lifetime.");
            }
            return new Token(token, Duration.ofSeconds(expiresIn));
        }
        String error = json == null ? null : string(json, "error");
        if (status == 400 || status == 401) {
            throw new CredentialRejected(rejection(app, error));
        }
        if (status == 429 || status == 503) {
            throw new ExchangeThrottled("The tenant's token endpoint is busy (HTTP " + status + ").",
                    EwsFailures.DEFAULT_BACK_OFF);
        }
        throw new ExchangeFailure("The tenant's token endpoint answered HTTP " + status
                + (error == null ? "" : " (" + printable(error) + ")") + ".");
    }

    /** Words for an admin; the error code is RFC 6749's, never the secret or the whole answer. */
    private static String rejection(ExchangeCredential.OAuthApp app, String error) {
        String code = error == null ? "" : " (" + printable(error) + ")";
        String reason = error == null ? "" : switch (error) {
            case "invalid_client" -> ": the app's client secret was rejected by the tenant's token endpoint;"
                    + " it may be wrong or expired, create a new one in the app registration";
            case "unauthorized_client" -> ": the tenant does not know client id " + app.clientId()
                    + ", or the app may not use the client-credentials grant";
            case "invalid_scope" -> ": the app may not ask for " + EWS_SCOPE;
            default -> "";
        };
        return "The tenant's token endpoint refused the app's credentials" + code + reason
                + (reason.isEmpty() ? ": check the tenant, the client id and the client secret." : ".");
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (JsonException e) {
            return null;
        }
    }

    private static String string(JsonObject json, String name) {
        if (json == null) {
            return null;
        }
        JsonValue value = json.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? json.getString(name) : null;
    }

    /** expires_in is a number in RFC 6749; Entra ID's v1 endpoint sent it as a string. */
    private static Long seconds(JsonObject json) {
        JsonValue value = json == null ? null : json.get("expires_in");
        if (value instanceof JsonNumber number) {
            return number.longValue();
        }
        String text = string(json, "expires_in");
        try {
            return text == null ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String printable(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9_.-]", "");
        return clean.length() > 60 ? clean.substring(0, 60) : clean;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
