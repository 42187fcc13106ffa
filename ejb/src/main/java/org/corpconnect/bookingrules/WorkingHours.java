package org.corpconnect.bookingrules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.calendar.TimeWindow;

/**
 * When a user works, as wall-clock times in the user's own zone: the same [start, end) on each of
 * the given days. Never spans midnight (a night shift is not supported), so each working day is one
 * span inside that local date. No days at all is allowed: such a user is never free.
 */
public record WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    public static final WorkingHours DEFAULT = new WorkingHours(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));

    public WorkingHours {
        days = Set.copyOf(Objects.requireNonNull(days, "days"));
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("Working hours end after they start, on the same day: " + start + " .. " + end);
        }
    }

    public boolean isWorkingDay(DayOfWeek day) {
        return days.contains(day);
    }

    /**
     * The working span of one local date in the user's zone, if it is a working day. Wall-clock hours
     * that fall in a DST gap move later by the gap, those in an overlap take the earlier offset
     * (java.time's {@link ZonedDateTime#of} rules); a day whose span so collapses has none.
     */
    public Optional<TimeWindow> spanOn(LocalDate day, ZoneId zone) {
        if (!isWorkingDay(day.getDayOfWeek())) {
            return Optional.empty();
        }
        Instant spanStart = ZonedDateTime.of(day, start, zone).toInstant();
        Instant spanEnd = ZonedDateTime.of(day, end, zone).toInstant();
        return spanEnd.isAfter(spanStart) ? Optional.of(new TimeWindow(spanStart, spanEnd)) : Optional.empty();
    }

    /** Whether [from, to) lies within one working span (the local date of its start, in the user's zone). */
    public boolean contain(Instant from, Instant to, ZoneId zone) {
        return spanOn(from.atZone(zone).toLocalDate(), zone)
                .map(span -> !from.isBefore(span.start()) && !to.isAfter(span.end()))
                .orElse(false);
    }

    /** Reads {@code MONDAY,TUESDAY 09:00-17:00}, the form of the configured default. */
    public static WorkingHours parse(String text) {
        try {
            String[] parts = text.strip().split("\\s+");
            String[] times = parts[1].split("-");
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : parts[0].split(",")) {
                days.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
            }
            return new WorkingHours(days, LocalTime.parse(times[0]), LocalTime.parse(times[1]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Working hours look like MONDAY,TUESDAY 09:00-17:00, not: " + text, e);
        }
    }
}
