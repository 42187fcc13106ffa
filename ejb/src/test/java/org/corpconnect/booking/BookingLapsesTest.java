package org.corpconnect.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sweep's limits from the hold and the lease settings, the hold given in minutes that may be fractional. */
class BookingLapsesTest {

    private static final Instant NOW = Instant.parse("2029-12-01T08:00:00Z");

    private static BookingLapses lapses(double holdMinutes, long leaseSeconds) {
        BookingLapses lapses = new BookingLapses();
        lapses.holdMinutes = holdMinutes;
        lapses.leaseSeconds = leaseSeconds;
        return lapses;
    }

    @Test
    void theDefaultsHoldTenMinutesAndLeaseTwo() {
        Bookings.Lapse lapse = lapses(10, 120).at(NOW);

        assertEquals(NOW.minus(Duration.ofMinutes(10)), lapse.holdsBefore());
        assertEquals(NOW.minus(Duration.ofMinutes(10)), lapse.writesBefore(), "a write holds its slot for the hold");
        assertEquals(NOW.minus(Duration.ofMinutes(2)), lapse.claimsBefore());
    }

    @Test
    void aHoldShorterThanTheLeaseNeverTakesAWriteWithinItsLease() {
        BookingLapses lapses = lapses(0.5, 45);
        Bookings.Lapse lapse = lapses.at(NOW);

        assertEquals(Duration.ofSeconds(30), lapses.hold());
        assertEquals(NOW.minusSeconds(30), lapse.holdsBefore());
        assertEquals(NOW.minusSeconds(45), lapse.writesBefore());
        assertEquals(NOW.minusSeconds(45), lapse.claimsBefore());
    }

    @Test
    void nonsenseValuesAreBounded() {
        BookingLapses lapses = lapses(-3, 0);

        assertEquals(Duration.ZERO, lapses.hold());
        assertEquals(Duration.ofSeconds(1), lapses.lease());
    }
}
