package org.corpconnect.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The outbox row's claim: one holder at a time, only the holder settles, a dead holder's claim lapses. */
class WebhookDeliveryTest {

    private static final Instant CREATED = Instant.parse("2026-12-07T08:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final RetrySchedule RETRIES = new RetrySchedule(Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofHours(24));

    private final WebhookDelivery delivery = new WebhookDelivery(1, 2, "event-1", WebhookEventType.BOOKING_CREATED, "{}", CREATED);

    @Test
    void ofTwoDispatchersOnlyOneGetsTheAttempt() {
        assertTrue(delivery.claim("first", CREATED, LEASE));
        assertFalse(delivery.claim("second", CREATED.plusSeconds(1), LEASE));
    }

    @Test
    void onlyTheClaimsHolderRecordsTheOutcome() {
        delivery.claim("first", CREATED, LEASE);

        assertFalse(delivery.delivered("second", 200, CREATED.plusSeconds(1)));
        assertEquals(WebhookDelivery.Status.PENDING, delivery.status());
        assertTrue(delivery.delivered("first", 204, CREATED.plusSeconds(1)));
        assertEquals(WebhookDelivery.Status.DELIVERED, delivery.status());
        assertEquals(1, delivery.attempts());
        assertEquals(Optional.of(204), delivery.lastStatus());
        assertFalse(delivery.claim("third", CREATED.plusSeconds(100), LEASE), "a delivered event is never sent again");
    }

    @Test
    void aDeadHoldersClaimLapsesAndItsLateOutcomeIsIgnored() {
        delivery.claim("dead", CREATED, LEASE);

        assertTrue(delivery.claim("next", CREATED.plus(LEASE).plusSeconds(1), LEASE));
        assertFalse(delivery.delivered("dead", 200, CREATED.plus(LEASE).plusSeconds(2)));
        assertTrue(delivery.delivered("next", 200, CREATED.plus(LEASE).plusSeconds(2)));
    }

    @Test
    void aFailedAttemptWaitsForItsRetryAndIsFailedForGoodAfterThePeriod() {
        delivery.claim("first", CREATED, LEASE);
        assertTrue(delivery.attemptFailed("first", 500, "HTTP 500", CREATED.plusSeconds(1), RETRIES));

        assertEquals(WebhookDelivery.Status.PENDING, delivery.status());
        assertEquals(Optional.of(CREATED.plusSeconds(11)), delivery.nextAttemptAt());
        assertFalse(delivery.claim("early", CREATED.plusSeconds(10), LEASE), "not due before its back-off ends");
        assertTrue(delivery.claim("due", CREATED.plusSeconds(11), LEASE));

        Instant late = CREATED.plus(Duration.ofHours(24)).minusSeconds(5);
        assertTrue(delivery.attemptFailed("due", null, "timed out", late, RETRIES));
        assertEquals(WebhookDelivery.Status.FAILED, delivery.status());
        assertEquals(Optional.empty(), delivery.nextAttemptAt());
        assertEquals(Optional.of("timed out"), delivery.lastError());
        assertFalse(delivery.claim("after", late.plusSeconds(60), LEASE));
    }
}
