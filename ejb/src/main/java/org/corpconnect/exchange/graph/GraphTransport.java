package org.corpconnect.exchange.graph;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * HTTP to Graph on the server's own Jakarta REST client. Bodies are written and read as text with
 * our own {@link Jsonb}, so what is mapped (and what is never read) is decided by the records alone.
 */
final class GraphTransport implements AutoCloseable {

    /**
     * Jersey's default connector is HttpURLConnection, which refuses PATCH; this Jersey property lets it
     * through (Payara opens java.net for it). Other JAX-RS clients ignore it.
     */
    private static final String JERSEY_PATCH_WORKAROUND = "jersey.config.client.httpUrlConnection.setMethodWorkaround";

    private final Client client;
    private final Jsonb json;

    GraphTransport(Duration timeout, Optional<SSLContext> trust, Jsonb json) {
        ClientBuilder builder = ClientBuilder.newBuilder()
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .property(JERSEY_PATCH_WORKAROUND, true);
        trust.ifPresent(builder::sslContext);
        this.client = builder.build();
        this.json = json;
    }

    WebTarget target(URI base) {
        return client.target(base);
    }

    /** One request; a transport failure (no answer) leaves as the gateway's exception. */
    GraphAnswer send(String method, WebTarget target, String bearer, Object body, Map<String, String> headers) {
        Invocation.Builder request = target.request(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        headers.forEach(request::header);
        try (Response response = body == null ? request.method(method)
                : request.method(method, Entity.entity(json.toJson(body), MediaType.APPLICATION_JSON_TYPE))) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            return new GraphAnswer(response.getStatus(), text == null ? "" : text,
                    Optional.ofNullable(response.getHeaderString("Retry-After")));
        } catch (ProcessingException failure) {
            throw GraphFailures.transport(failure, target.getUri().getHost());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
