package org.corpconnect.webhook;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.corpconnect.audit.AuditEntry.Outcome;
import org.corpconnect.audit.AuditLog;
import org.corpconnect.credentials.Secret;
import org.corpconnect.credentials.SecretBox;
import org.corpconnect.exchange.outbound.OutboundPolicy;
import org.corpconnect.exchange.outbound.OutboundRefused;

/** An account's webhook endpoints: registered, listed, removed, their secrets rotated. */
@Stateless
public class WebhookEndpoints {

    /** Enough for a front end, its staging twin and a few more; each one multiplies every event. */
    static final int MAX_PER_ACCOUNT = 10;

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @Inject
    private SecretBox secrets;

    @Inject
    private OutboundPolicy outbound;

    @Inject
    private WebhookSettings settings;

    @Inject
    private AuditLog audit;

    /** Registers an endpoint that the server may call; its new secret comes back once, in plain text. */
    public IssuedEndpointSecret register(long accountId, String url, String actor) {
        URI checked = checkedUrl(url);
        if (ofAccount(accountId).size() >= MAX_PER_ACCOUNT) {
            throw new InvalidWebhookEndpoint("An account has at most " + MAX_PER_ACCOUNT + " webhook endpoints; remove one first.");
        }
        Secret secret = WebhookSignature.newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint(accountId, checked, secrets.encrypt(secret), now());
        em.persist(endpoint);
        em.flush(); // Its id, for the answer and the audit line.
        audit.record(accountId, actor, "webhook.created", Outcome.SUCCESS, "endpoint " + endpoint.id() + ": " + hostOf(checked));
        return new IssuedEndpointSecret(endpoint, secret);
    }

    public List<WebhookEndpoint> ofAccount(long accountId) {
        return em.createNamedQuery("WebhookEndpoint.ofAccount", WebhookEndpoint.class)
                .setParameter("accountId", accountId)
                .getResultList();
    }

    public WebhookEndpoint get(long accountId, long endpointId) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, endpointId);
        if (endpoint == null || endpoint.accountId() != accountId) {
            throw new WebhookEndpointNotFound();
        }
        return endpoint;
    }

    /** Removes it with its deliveries: whatever was not delivered yet is not sent any more. */
    public WebhookEndpoint remove(long accountId, long endpointId, String actor) {
        WebhookEndpoint endpoint = get(accountId, endpointId);
        em.createQuery("delete from WebhookDelivery d where d.endpointId = :id").setParameter("id", endpointId).executeUpdate();
        em.remove(endpoint);
        audit.record(accountId, actor, "webhook.removed", Outcome.SUCCESS, "endpoint " + endpointId + ": " + hostOf(endpoint.url()));
        return endpoint;
    }

    /**
     * A new secret, shown once; the current one keeps signing too for {@code webhooks.secret-grace-hours},
     * so that the receiver can switch without losing an event. A second rotation ends the first's grace.
     */
    public IssuedEndpointSecret rotateSecret(long accountId, long endpointId, String actor) {
        get(accountId, endpointId);
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, endpointId, LockModeType.PESSIMISTIC_WRITE);
        Secret secret = WebhookSignature.newSecret();
        endpoint.rotate(secrets.encrypt(secret), now().plus(settings.secretGrace()));
        audit.record(accountId, actor, "webhook.secret-rotated", Outcome.SUCCESS, "endpoint " + endpointId
                + ": the previous secret signs too until " + endpoint.previousSecretValidUntil(now()).map(Instant::toString).orElse("now"));
        return new IssuedEndpointSecret(endpoint, secret);
    }

    private URI checkedUrl(String text) {
        String url = text == null ? "" : text.strip();
        if (url.isEmpty() || url.length() > 2000) {
            throw new InvalidWebhookEndpoint("The endpoint's URL is required, at most 2,000 characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidWebhookEndpoint("The endpoint's URL is not a URL.");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvalidWebhookEndpoint("The endpoint's URL must be an https:// URL with a host, without user, password or fragment.");
        }
        try {
            outbound.checkUrl(uri);
        } catch (OutboundRefused refused) {
            throw new InvalidWebhookEndpoint(OutboundRefused.SENTENCE);
        }
        return uri;
    }

    /** For the audit log: the host only, since a URL's path or query may carry a token of the receiver's. */
    private static String hostOf(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }
}
