package org.corpconnect.webhook;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes an event into the outbox, one row per endpoint of the account, inside the caller's transaction. */
@Stateless
public class WebhookOutbox {

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    /**
     * Only inside the transaction of the change the event reports: it commits with it, or neither does.
     *
     * @param data the event's {@code data} member
     * @return the event's id (the same for every endpoint)
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String record(long accountId, WebhookEventType type, JsonObject data) {
        String eventId = UUID.randomUUID().toString();
        List<WebhookEndpoint> endpoints = em.createNamedQuery("WebhookEndpoint.ofAccount", WebhookEndpoint.class)
                .setParameter("accountId", accountId)
                .getResultList();
        if (endpoints.isEmpty()) {
            return eventId;
        }
        Instant now = Instant.now(Clock.systemUTC());
        String payload = Json.createObjectBuilder()
                .add("id", eventId)
                .add("type", type.wireName())
                .add("createdAt", now.toString())
                .add("data", data)
                .build()
                .toString();
        for (WebhookEndpoint endpoint : endpoints) {
            em.persist(new WebhookDelivery(endpoint.id(), accountId, eventId, type, payload, now));
        }
        return eventId;
    }
}
