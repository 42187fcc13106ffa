package org.corpconnect.availability;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.corpconnect.bookingrules.WorkingHours;
import org.corpconnect.calendar.BusyInterval;

/**
 * What slot finding knows of one user. {@code busy} holds only the blocking busy types (the caller
 * filters by the account's setting), in any order, possibly overlapping. {@code readable} is false
 * when the calendar could not be read: such a user is never free, since unknown is not free.
 */
public record UserCalendar(long id, ZoneId userZone, WorkingHours workingHours, List<BusyInterval> busy, boolean readable) {

    public UserCalendar {
        Objects.requireNonNull(userZone, "userZone");
        Objects.requireNonNull(workingHours, "workingHours");
        busy = List.copyOf(busy);
    }

    public static UserCalendar unreadable(long id, ZoneId userZone, WorkingHours workingHours) {
        return new UserCalendar(id, userZone, workingHours, List.of(), false);
    }
}
