package org.corpconnect.calendar;

import java.time.Instant;
import java.util.Objects;

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
}
