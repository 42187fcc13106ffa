package org.corpconnect.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.corpconnect.bookingrules.BookingRules;

/**
 * A request for free slots: the local dates {@code from}..{@code to} (both inclusive) in the
 * caller's {@code zone}, slots of {@code slotLength} starting every {@code step} from each local
 * midnight, with the busy-free margins {@code bufferBefore} and {@code bufferAfter}, none starting
 * before {@code now + minimumNotice} and none ending after {@code horizonEnd}.
 *
 * <p>{@code step} may be longer than the slot (a 30-minute slot every hour), up to one a day.
 */
public record SlotQuery(
        LocalDate from,
        LocalDate to,
        ZoneId zone,
        Duration slotLength,
        Duration step,
        Duration bufferBefore,
        Duration bufferAfter,
        Duration minimumNotice,
        Instant horizonEnd,
        Instant now,
        Mode mode) {

    /** Whose freedom makes a slot free. */
    public enum Mode {
        /** At least one user is free; the slot lists which. */
        ANY,
        /** Every user is free. */
        ALL
    }

    public static final int MAX_DAYS = 62;
    static final Duration MIN_LENGTH = BookingRules.SHORTEST;
    static final Duration MAX_LENGTH = BookingRules.LONGEST;
    static final Duration MIN_STEP = Duration.ofMinutes(5);
    static final Duration MAX_STEP = Duration.ofHours(24);
    static final Duration MAX_BUFFER = BookingRules.WIDEST_BUFFER;

    /**
     * A query that offers only what may be booked: the rules' notice, buffers and horizon are the
     * least it asks for; a caller may ask for more notice or wider buffers for its own listing.
     */
    public static SlotQuery within(BookingRules rules, Instant now, LocalDate from, LocalDate to, ZoneId zone,
                                   Duration slotLength, Duration step, Optional<Duration> bufferBefore,
                                   Optional<Duration> bufferAfter, Optional<Duration> minimumNotice, Mode mode) {
        return new SlotQuery(from, to, zone, slotLength, step,
                atLeast(bufferBefore, rules.bufferBefore()), atLeast(bufferAfter, rules.bufferAfter()),
                atLeast(minimumNotice, rules.minimumNotice()), rules.horizonEnd(now), now, mode);
    }

    private static Duration atLeast(Optional<Duration> asked, Duration floor) {
        return asked.filter(d -> d.compareTo(floor) > 0).orElse(floor);
    }

    public SlotQuery {
        required(from, "from");
        required(to, "to");
        required(zone, "zone");
        required(slotLength, "slotLength");
        required(step, "step");
        required(bufferBefore, "bufferBefore");
        required(bufferAfter, "bufferAfter");
        required(minimumNotice, "minimumNotice");
        required(horizonEnd, "horizonEnd");
        required(now, "now");
        required(mode, "mode");
        if (to.isBefore(from)) {
            throw new InvalidSlotQuery("to must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidSlotQuery("from..to must cover at most " + MAX_DAYS + " days");
        }
        // A fixed offset knows no DST: a caller in Berlin sending +01:00 would get summer slots an hour off.
        if (zone instanceof ZoneOffset || zone.getId().matches("(GMT|UTC|UT)[+-].*")) {
            throw new InvalidSlotQuery("zone must be an IANA time zone such as Europe/Berlin, not a fixed offset");
        }
        if (slotLength.compareTo(MIN_LENGTH) < 0 || slotLength.compareTo(MAX_LENGTH) > 0) {
            throw new InvalidSlotQuery("slotLength must be between 5 minutes and 8 hours");
        }
        if (step.compareTo(MIN_STEP) < 0 || step.compareTo(MAX_STEP) > 0) {
            throw new InvalidSlotQuery("step must be between 5 minutes and 24 hours");
        }
        if (bufferBefore.isNegative() || bufferBefore.compareTo(MAX_BUFFER) > 0) {
            throw new InvalidSlotQuery("bufferBefore must be between 0 and 4 hours");
        }
        if (bufferAfter.isNegative() || bufferAfter.compareTo(MAX_BUFFER) > 0) {
            throw new InvalidSlotQuery("bufferAfter must be between 0 and 4 hours");
        }
        if (minimumNotice.isNegative()) {
            throw new InvalidSlotQuery("minimumNotice must not be negative");
        }
        if (!horizonEnd.isAfter(now)) {
            throw new InvalidSlotQuery("horizonEnd must be after now");
        }
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new InvalidSlotQuery(field + " is required");
        }
    }
}
