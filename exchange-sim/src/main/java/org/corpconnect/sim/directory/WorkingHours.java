package org.corpconnect.sim.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/** A mailbox's working days and hours, in the mailbox's own time zone (as Exchange stores them). */
public record WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
    public WorkingHours {
        days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("working hours must end after they start");
        }
    }

    public static WorkingHours weekdays(LocalTime start, LocalTime end) {
        return new WorkingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), start, end);
    }
}
