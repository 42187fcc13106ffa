package org.corpconnect.sim.calendar;

import java.time.Instant;

/**
 * One appointment as a calendar view sees it: a single item, or one occurrence (possibly an
 * exception) of a recurring master. {@code originalStart} identifies the occurrence within its series.
 */
public record Occurrence(CalendarItem item, Kind kind, Instant originalStart, Instant start, Instant end,
                         String subject, String location, BusyType freeBusy) {

    /** t:CalendarItemTypeType. */
    public enum Kind { Single, Occurrence, Exception, RecurringMaster }

    public boolean isRecurring() {
        return kind == Kind.Occurrence || kind == Kind.Exception;
    }

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }

    public static Occurrence single(CalendarItem item) {
        Kind kind = item.isRecurringMaster() ? Kind.RecurringMaster : Kind.Single;
        return new Occurrence(item, kind, null, item.start(), item.end(), item.subject(), item.location(),
                item.freeBusy());
    }
}
