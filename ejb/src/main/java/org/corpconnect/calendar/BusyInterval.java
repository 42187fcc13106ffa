package org.corpconnect.calendar;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One busy span of a calendar: all the product ever learns of an event. */
public record BusyInterval(Instant start, Instant end, BusyType type) {

    public BusyInterval {
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        Objects.requireNonNull(type);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("A busy interval ends after it starts.");
        }
    }

    /** The part of this span inside the window; empty when nothing of it is (a window's edge touched). */
    public Optional<BusyInterval> within(TimeWindow window) {
        Instant from = start.isBefore(window.start()) ? window.start() : start;
        Instant to = end.isAfter(window.end()) ? window.end() : end;
        return from.isBefore(to) ? Optional.of(new BusyInterval(from, to, type)) : Optional.empty();
    }
}
