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
     * Jersey's default connector is HttpURLConnection, which refuses PATCH (Graph's only way to move an
     * event); its reflective workaround needs {@code sun.net.www.protocol.https} opened to the server.
     * Jersey's connector on {@code java.net.http} (shipped in the EAR, the server's Jersey version) speaks
     * PATCH as it is. Named by Jersey's property, so nothing here imports Jersey; other clients ignore it.
     */
    private static final String JERSEY_CONNECTOR_PROVIDER = "jersey.config.client.connector.provider";
    private static final String JAVA_NET_HTTP_CONNECTOR = "org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider";

    private final Client client;
    private final Jsonb json;

    GraphTransport(Duration timeout, Optional<SSLContext> trust, Jsonb json) {
        ClientBuilder builder = ClientBuilder.newBuilder()
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .property(JERSEY_CONNECTOR_PROVIDER, JAVA_NET_HTTP_CONNECTOR);
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
            // Read as it comes: Jersey's hasEntity() peeks at the stream, and over the java.net.http
            // connector that cost an answer its last byte.
            String text = response.readEntity(String.class);
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
