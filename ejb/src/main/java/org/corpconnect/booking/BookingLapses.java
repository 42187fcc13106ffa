package org.corpconnect.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long what is left mid-way lasts before someone else may settle it (README, "Settings"): a failed
 * booking's hold on its slot ({@code booking.hold-minutes}) and a claim on a booking's item
 * ({@code booking.lease-seconds}); from them, the sweep's limits at an instant.
 */
@ApplicationScoped
public class BookingLapses {

    /** May be fractional (0.5 is 30 seconds): the integration tests see holds lapse without waiting minutes. */
    @Inject
    @ConfigProperty(name = "booking.hold-minutes", defaultValue = "10")
    double holdMinutes;

    @Inject
    @ConfigProperty(name = "booking.lease-seconds", defaultValue = "120")
    long leaseSeconds;

    /** How long a FAILED booking, or one whose writer stopped answering, holds its slot. */
    public Duration hold() {
        return Duration.ofMillis(Math.round(Math.max(0, holdMinutes) * 60_000));
    }

    /**
     * How long a claim is its holder's before the sweep or a retry may take it over: longer than any one
     * write, move or cancellation takes (a few Exchange requests, each bounded by its timeout).
     */
    public Duration lease() {
        return Duration.ofSeconds(Math.max(1, leaseSeconds));
    }

    /** The sweep's limits at {@code now}: a write holds its slot for the hold too, and is never taken within its lease. */
    public Bookings.Lapse at(Instant now) {
        Duration hold = hold();
        Duration writeHold = hold.compareTo(lease()) > 0 ? hold : lease();
        return new Bookings.Lapse(now.minus(hold), now.minus(writeHold), now.minus(lease()));
    }
}
