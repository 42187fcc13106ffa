package org.corpconnect.webhook;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One event for one endpoint: a row of the outbox, and of the delivery log. Its transitions are
 * decided on what the row holds, under a lock on it: only one dispatcher holds a claim at a time, and
 * only the claim's holder records the outcome.
 */
@Entity
@Table(name = "webhook_delivery")
@Cacheable(false) // Claimed and settled by several instances: always read from the database.
@NamedQuery(name = "WebhookDelivery.due", query = "select d.id from WebhookDelivery d where d.status = :pending"
        + " and d.nextAttemptAt <= :now and (d.claimedUntil is null or d.claimedUntil < :now) order by d.createdAt, d.id")
@NamedQuery(name = "WebhookDelivery.ofAccount",
        query = "select d from WebhookDelivery d where d.accountId = :accountId order by d.createdAt desc, d.id desc")
public class WebhookDelivery {

    public enum Status {
        /** Waiting for its next attempt (or its first). */
        PENDING,
        /** The endpoint answered 2xx. */
        DELIVERED,
        /** Not delivered within the retry period: no further attempt. */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_delivery_seq")
    @SequenceGenerator(name = "webhook_delivery_seq", sequenceName = "webhook_delivery_seq", allocationSize = 50)
    private Long id;

    @Column(name = "endpoint_id", nullable = false, updatable = false)
    private long endpointId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "event_id", nullable = false, length = 36, updatable = false)
    private String eventId;

    @Column(name = "event_type", nullable = false, length = 60, updatable = false)
    private String eventType;

    @Column(nullable = false, length = 8000, updatable = false)
    private String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(length = 36)
    private String claim;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    protected WebhookDelivery() {
        // for JPA
    }

    WebhookDelivery(long endpointId, long accountId, String eventId, WebhookEventType type, String payload, Instant now) {
        this.endpointId = endpointId;
        this.accountId = accountId;
        this.eventId = eventId;
        this.eventType = type.wireName();
        this.payload = payload;
        this.createdAt = now;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
    }

    /**
     * Takes the next attempt if it is due and nobody holds it (or its holder's lease ran out: the
     * holder died, and the attempt it may have made counts as not made).
     */
    boolean claim(String token, Instant now, Duration lease) {
        boolean due = status == Status.PENDING && nextAttemptAt != null && !nextAttemptAt.isAfter(now);
        boolean free = claimedUntil == null || claimedUntil.isBefore(now);
        if (!due || !free) {
            return false;
        }
        claim = token;
        claimedUntil = now.plus(lease);
        return true;
    }

    /** The endpoint answered 2xx; recorded only by the claim's holder. */
    boolean delivered(String token, int httpStatus, Instant now) {
        if (!claimedBy(token)) {
            return false;
        }
        attempted(now, httpStatus, null);
        status = Status.DELIVERED;
        nextAttemptAt = null;
        return true;
    }

    /** The attempt failed ({@code httpStatus} if one came back): tried again on the schedule, or FAILED past it. */
    boolean attemptFailed(String token, Integer httpStatus, String error, Instant now, RetrySchedule schedule) {
        if (!claimedBy(token)) {
            return false;
        }
        attempted(now, httpStatus, error);
        Optional<Instant> next = schedule.nextAttempt(createdAt, attempts, now);
        status = next.isPresent() ? Status.PENDING : Status.FAILED;
        nextAttemptAt = next.orElse(null);
        return true;
    }

    private void attempted(Instant now, Integer httpStatus, String error) {
        attempts++;
        lastAttemptAt = now;
        lastStatus = httpStatus;
        lastError = error == null || error.length() <= 500 ? error : error.substring(0, 500);
        claim = null;
        claimedUntil = null;
    }

    private boolean claimedBy(String token) {
        return claim != null && claim.equals(token);
    }

    public long id() {
        return id;
    }

    public long endpointId() {
        return endpointId;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<Instant> nextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt);
    }

    public Optional<Instant> lastAttemptAt() {
        return Optional.ofNullable(lastAttemptAt);
    }

    public Optional<Integer> lastStatus() {
        return Optional.ofNullable(lastStatus);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    @Override
    public String toString() {
        return "WebhookDelivery[" + id + ", " + eventType + " " + eventId + " to endpoint " + endpointId + ", " + status + "]";
    }
}
