package org.corpconnect.sim.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The recurrence patterns the simulator expands (daily, weekly, absolute monthly) with an end date,
 * a number of occurrences or no end. Dates are in the item's own time zone, so a weekly 09:00
 * meeting stays at 09:00 local across a DST change, as in Exchange.
 */
public record Recurrence(Pattern pattern, int interval, Set<DayOfWeek> daysOfWeek, int dayOfMonth,
                         LocalDate startDate, LocalDate endDate, Integer numberOfOccurrences) {

    /** No series runs forever in the simulator: a bound on expansion work for NoEnd series. */
    private static final int MAX_OCCURRENCES = 2000;

    public enum Pattern { DAILY, WEEKLY, ABSOLUTE_MONTHLY }

    public Recurrence {
        if (interval < 1) {
            throw new IllegalArgumentException("recurrence interval must be at least 1");
        }
        daysOfWeek = daysOfWeek.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(daysOfWeek);
        if (pattern == Pattern.WEEKLY && daysOfWeek.isEmpty()) {
            throw new IllegalArgumentException("a weekly recurrence needs days of the week");
        }
    }

    public static Recurrence daily(int interval, LocalDate start, LocalDate end, Integer count) {
        return new Recurrence(Pattern.DAILY, interval, Set.of(), 0, start, end, count);
    }

    public static Recurrence weekly(int interval, Set<DayOfWeek> days, LocalDate start, LocalDate end, Integer count) {
        return new Recurrence(Pattern.WEEKLY, interval, days, 0, start, end, count);
    }

    /** The occurrence dates from the series start up to and including {@code until}. */
    public List<LocalDate> datesUntil(LocalDate until) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate last = endDate != null && endDate.isBefore(until) ? endDate : until;
        int limit = numberOfOccurrences != null ? Math.min(numberOfOccurrences, MAX_OCCURRENCES) : MAX_OCCURRENCES;
        switch (pattern) {
            case DAILY -> {
                for (LocalDate d = startDate; !d.isAfter(last) && dates.size() < limit; d = d.plusDays(interval)) {
                    dates.add(d);
                }
            }
            case WEEKLY -> {
                LocalDate weekStart = startDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                outer:
                for (LocalDate w = weekStart; !w.isAfter(last); w = w.plusWeeks(interval)) {
                    for (DayOfWeek day : daysOfWeek) {
                        LocalDate d = w.plusDays(day.getValue() - 1L);
                        if (d.isBefore(startDate)) {
                            continue;
                        }
                        if (d.isAfter(last) || dates.size() >= limit) {
                            break outer;
                        }
                        dates.add(d);
                    }
                }
            }
            case ABSOLUTE_MONTHLY -> {
                for (LocalDate m = startDate.withDayOfMonth(1); !m.isAfter(last) && dates.size() < limit;
                     m = m.plusMonths(interval)) {
                    if (dayOfMonth <= m.lengthOfMonth()) {
                        LocalDate d = m.withDayOfMonth(dayOfMonth);
                        if (!d.isBefore(startDate) && !d.isAfter(last)) {
                            dates.add(d);
                        }
                    }
                }
            }
        }
        return dates;
    }
}
