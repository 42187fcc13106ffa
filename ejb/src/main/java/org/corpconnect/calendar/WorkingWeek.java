package org.corpconnect.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A mailbox's working hours as its free/busy answer reports them: the days and one span of local time
 * in the mailbox's own time zone.
 */
public record WorkingWeek(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    public WorkingWeek {
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("Working hours end after they start: " + start + ".." + end);
        }
    }
}
