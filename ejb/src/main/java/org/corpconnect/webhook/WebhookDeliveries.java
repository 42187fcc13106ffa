package org.corpconnect.webhook;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corpconnect.credentials.Secret;
import org.corpconnect.credentials.SecretBox;

/** The outbox's rows as the dispatcher and the delivery log see them; each change in a short transaction of its own. */
@Stateless
public class WebhookDeliveries {

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @Inject
    private SecretBox secrets;

    @Inject
    private WebhookSettings settings;

    /** One claimed attempt: what to send, where, signed with which secrets, under which claim. */
    public record Attempt(long deliveryId, String claim, String eventId, String payload, URI url, List<Secret> secrets) {
    }

    /** The rows due now, oldest first (so an endpoint gets its events in the order they happened, unless one is retried). */
    public List<Long> due(int max) {
        return em.createNamedQuery("WebhookDelivery.due", Long.class)
                .setParameter("pending", WebhookDelivery.Status.PENDING)
                .setParameter("now", now())
                .setMaxResults(max)
                .getResultList();
    }

    /** Takes a row's next attempt, if it is still due and free (of two dispatchers one gets it). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Attempt> claim(long deliveryId) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            return Optional.empty(); // Its endpoint was removed meanwhile.
        }
        Instant now = now();
        String claim = UUID.randomUUID().toString();
        if (!delivery.claim(claim, now, settings.claimLease())) {
            return Optional.empty();
        }
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery.endpointId());
        List<Secret> signing = endpoint.signingSecretCiphertexts(now).stream().map(secrets::decrypt).toList();
        return Optional.of(new Attempt(deliveryId, claim, delivery.eventId(), delivery.payload(), endpoint.url(), signing));
    }

    /** The attempt's outcome, recorded only if the claim is still the attempt's. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean record(Attempt attempt, WebhookSender.Outcome outcome) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, attempt.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            return false;
        }
        Instant now = now();
        return outcome.delivered()
                ? delivery.delivered(attempt.claim(), outcome.httpStatus().orElseThrow(), now)
                : delivery.attemptFailed(attempt.claim(), outcome.httpStatus().orElse(null), outcome.error().orElse(null), now,
                        settings.retries());
    }

    /** Forgets the settled rows (delivered or failed) of events created before {@code before}; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int prune(Instant before) {
        return em.createQuery("delete from WebhookDelivery d where d.status <> :pending and d.createdAt < :before")
                .setParameter("pending", WebhookDelivery.Status.PENDING)
                .setParameter("before", before)
                .executeUpdate();
    }

    /** The delivery log of an account, newest first. */
    public List<WebhookDelivery> ofAccount(long accountId, int max) {
        return em.createNamedQuery("WebhookDelivery.ofAccount", WebhookDelivery.class)
                .setParameter("accountId", accountId)
                .setMaxResults(max)
                .getResultList();
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }
}
