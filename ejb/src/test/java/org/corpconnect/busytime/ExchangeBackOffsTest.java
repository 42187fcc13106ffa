package org.corpconnect.busytime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExchangeBackOffsTest {

    private final Instant now = Instant.parse("2026-03-02T10:00:00Z");
    private final ExchangeBackOffs backOffs = new ExchangeBackOffs();

    @Test
    void aBackOffHoldsItsGenerationUntilItEnds() {
        Instant until = now.plus(Duration.ofMinutes(5));
        backOffs.record(1, 7, until);

        assertEquals(Optional.of(until), backOffs.pendingUntil(1, 7, now));
        assertTrue(backOffs.pendingUntil(1, 7, until).isEmpty(), "over when it ends");
        assertTrue(backOffs.pendingUntil(1, 8, now).isEmpty(), "a new credential does not wait");
        assertTrue(backOffs.pendingUntil(2, 7, now).isEmpty(), "nor does another account");
    }

    @Test
    void backOffsInARowAreCountedUntilARefreshGoesThrough() {
        assertEquals(1, backOffs.record(1, 7, now));
        assertEquals(2, backOffs.record(1, 7, now));
        assertEquals(2, backOffs.inARow(1, 7));
        assertEquals(0, backOffs.inARow(1, 8), "another generation starts afresh");

        backOffs.clear(1, 7);

        assertEquals(0, backOffs.inARow(1, 7));
        assertEquals(1, backOffs.record(1, 7, now));
        assertEquals(1, backOffs.record(1, 8, now), "a new credential's first");
    }
}
