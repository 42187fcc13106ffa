package org.corpconnect.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open span of time [start, end). */
public record TimeWindow(Instant start, Instant end) {

    public TimeWindow {
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A time window ends after it starts: " + start + " .. " + end);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return otherStart.isBefore(end) && otherEnd.isAfter(start);
    }
}
