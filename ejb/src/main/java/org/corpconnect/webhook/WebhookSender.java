package org.corpconnect.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;
import org.corpconnect.exchange.outbound.CheckedSockets;
import org.corpconnect.exchange.outbound.OutboundPolicy;
import org.corpconnect.exchange.outbound.OutboundRefused;

/**
 * Sends one signed attempt to an endpoint, through the operator's outbound check on the very address
 * connected to ({@link CheckedSockets}), with the per-attempt timeout, following no redirect (a 3xx is
 * a failed attempt: the receiver registers the URL it serves).
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

    @Inject
    private OutboundPolicy outbound;

    @Inject
    private WebhookSettings settings;

    private CloseableHttpClient http;

    /** {@code httpStatus}: the answer's, if one came; {@code error}: why the attempt failed, for the delivery log. */
    public record Outcome(boolean delivered, Optional<Integer> httpStatus, Optional<String> error) {
        static Outcome answered(int status) {
            boolean ok = status >= 200 && status < 300;
            return new Outcome(ok, Optional.of(status), ok ? Optional.empty() : Optional.of("HTTP " + status));
        }

        static Outcome unanswered(String error) {
            return new Outcome(false, Optional.empty(), Optional.of(error));
        }
    }

    @PostConstruct
    void open() {
        int timeout = Math.toIntExact(settings.timeout().toMillis());
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(CheckedSockets.checked(() -> outbound));
        pool.setMaxTotal(20);
        pool.setDefaultMaxPerRoute(4);
        http = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(timeout).setSocketTimeout(timeout).setConnectionRequestTimeout(timeout).build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAutomaticRetries() // A retry is the outbox's decision, with a new signature time.
                .setUserAgent("CorpConnect-Webhooks/1")
                .build();
    }

    @PreDestroy
    void close() {
        try {
            http.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing the webhook client's connections failed; the server is stopping anyway.", e);
        }
    }

    Outcome send(WebhookDeliveries.Attempt attempt) {
        long now = Clock.systemUTC().instant().getEpochSecond();
        HttpPost post = new HttpPost(attempt.url());
        post.setHeader(WebhookSignature.ID_HEADER, attempt.eventId());
        post.setHeader(WebhookSignature.HEADER, WebhookSignature.header(now, attempt.payload(), attempt.secrets()));
        post.setEntity(new StringEntity(attempt.payload(), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        try (CloseableHttpResponse response = http.execute(post)) {
            EntityUtils.consumeQuietly(response.getEntity());
            return Outcome.answered(response.getStatusLine().getStatusCode());
        } catch (IOException | RuntimeException failed) {
            return Outcome.unanswered(reason(failed));
        }
    }

    /**
     * Why an attempt got no answer, as the delivery log shows it to the account's admin: an address the
     * server may not call reads like one that could not be reached (the server must not become a port
     * scanner of its network); the operator's log says which rule refused it ({@link CheckedSockets}).
     */
    static String reason(Exception failed) {
        if (failed instanceof ConnectException || failed instanceof ConnectTimeoutException
                || failed instanceof UnknownHostException || failed instanceof NoRouteToHostException) {
            return OutboundRefused.SENTENCE;
        }
        if (failed instanceof SocketTimeoutException) {
            return "No answer within the timeout (webhooks.timeout-seconds).";
        }
        if (failed instanceof SSLException) {
            return "TLS failed: the endpoint's certificate is not trusted by the server, or its protocol not accepted.";
        }
        return "The call failed (" + failed.getClass().getSimpleName() + ").";
    }
}
