package org.corpconnect.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant CREATED = Instant.parse("2026-12-07T08:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(60), Duration.ofHours(24));

    @Test
    void theWaitDoublesAfterEachFailure() {
        Instant now = CREATED.plusSeconds(5);

        assertEquals(Optional.of(now.plusSeconds(30)), schedule.nextAttempt(CREATED, 1, now));
        assertEquals(Optional.of(now.plusSeconds(60)), schedule.nextAttempt(CREATED, 2, now));
        assertEquals(Optional.of(now.plusSeconds(120)), schedule.nextAttempt(CREATED, 3, now));
        assertEquals(Optional.of(now.plusSeconds(30 * 64)), schedule.nextAttempt(CREATED, 7, now));
    }

    @Test
    void theWaitStopsGrowingAtTheLongest() {
        Instant now = CREATED.plus(Duration.ofHours(3));

        assertEquals(Optional.of(now.plus(Duration.ofMinutes(60))), schedule.nextAttempt(CREATED, 8, now));
        assertEquals(Optional.of(now.plus(Duration.ofMinutes(60))), schedule.nextAttempt(CREATED, 1_000, now));
    }

    @Test
    void noAttemptIsPlannedAfterTheRetryPeriod() {
        Instant lastHour = CREATED.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(30));

        assertEquals(Optional.of(lastHour.plusSeconds(30)), schedule.nextAttempt(CREATED, 1, lastHour));
        assertEquals(Optional.empty(), schedule.nextAttempt(CREATED, 20, lastHour), "an hour's wait would end after 24 hours");
    }
}
