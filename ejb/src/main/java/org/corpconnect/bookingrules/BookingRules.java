package org.corpconnect.bookingrules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules every booking obeys, and so every slot availability offers: not in the past, at least
 * {@code minimumNotice} ahead, ending by the horizon (the end of the busy time kept fresh), lasting
 * {@link #SHORTEST} to {@link #LONGEST}, within one working span of the user, with the buffers free.
 * Pure: the caller brings the clock and the user's working hours.
 */
public record BookingRules(Duration minimumNotice, int horizonDays, Duration bufferBefore, Duration bufferAfter) {

    /** The shortest booking, and slot, there is. */
    public static final Duration SHORTEST = Duration.ofMinutes(5);
    /** The longest booking, and slot: a working day. */
    public static final Duration LONGEST = Duration.ofHours(8);
    /** The widest buffer on either side. */
    public static final Duration WIDEST_BUFFER = Duration.ofHours(4);

    /** The names a refusal gives, so that a front end can tell the rules apart. */
    public enum Rule {
        NOT_IN_THE_PAST("not-in-the-past"),
        MINIMUM_NOTICE("minimum-notice"),
        HORIZON("horizon"),
        SLOT_LENGTH("slot-length"),
        WORKING_HOURS("working-hours"),
        BUFFERS("buffers");

        private final String id;

        Rule(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public record Violation(Rule rule, String message) {
    }

    public BookingRules {
        Objects.requireNonNull(minimumNotice, "minimumNotice");
        Objects.requireNonNull(bufferBefore, "bufferBefore");
        Objects.requireNonNull(bufferAfter, "bufferAfter");
        if (minimumNotice.isNegative() || horizonDays < 1) {
            throw new IllegalArgumentException("The minimum notice is not negative and the horizon at least a day.");
        }
        if (bufferBefore.isNegative() || bufferAfter.isNegative()
                || bufferBefore.compareTo(WIDEST_BUFFER) > 0 || bufferAfter.compareTo(WIDEST_BUFFER) > 0) {
            throw new IllegalArgumentException("A booking buffer is 0 to 4 hours.");
        }
    }

    /** The end of the busy time being kept fresh: no booking ends later. */
    public Instant horizonEnd(Instant now) {
        return now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(horizonDays));
    }

    /** The earliest start a booking may have now. */
    public Instant earliestStart(Instant now) {
        return now.plus(minimumNotice);
    }

    /**
     * The first rule that a booking [start, end) of a user breaks, in the order a person would name
     * them; the buffers are the caller's to check, since they need the user's busy time.
     */
    public Optional<Violation> violationOf(Instant start, Instant end, Instant now, WorkingHours hours, ZoneId userZone) {
        if (start.isBefore(now)) {
            return violation(Rule.NOT_IN_THE_PAST, "The booking starts in the past (" + start + ").");
        }
        if (start.isBefore(earliestStart(now))) {
            return violation(Rule.MINIMUM_NOTICE, "A booking starts at least " + minimumNotice.toMinutes()
                    + " minutes from now, not before " + earliestStart(now) + ".");
        }
        if (end.isAfter(horizonEnd(now))) {
            return violation(Rule.HORIZON, "A booking ends by " + horizonEnd(now) + " (" + horizonDays + " days ahead).");
        }
        Duration length = Duration.between(start, end);
        if (length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0) {
            return violation(Rule.SLOT_LENGTH, "A booking lasts 5 minutes to 8 hours, not " + length.toMinutes() + " minutes.");
        }
        if (!hours.contain(start, end, userZone)) {
            return violation(Rule.WORKING_HOURS, "The booking is outside the user's working hours ("
                    + describe(hours) + ", " + userZone.getId() + ").");
        }
        return Optional.empty();
    }

    private static String describe(WorkingHours hours) {
        return hours.days().stream().sorted().map(d -> d.name().substring(0, 3)).toList() + " " + hours.start() + "-" + hours.end();
    }

    private static Optional<Violation> violation(Rule rule, String message) {
        return Optional.of(new Violation(rule, message));
    }
}
