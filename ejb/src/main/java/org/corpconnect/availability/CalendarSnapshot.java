package org.corpconnect.availability;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.booking.Booking;
import org.corpconnect.bookingrules.Readability;
import org.corpconnect.bookingrules.WorkingHours;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.users.BookableUser;

/**
 * One user's calendar over a window exactly as availability decides on it: the stored busy time
 * (every type; {@code blocking} says which of them take a slot in this account), the bookings that
 * hold a slot, the working hours, and whether the busy time may be trusted now. {@code readFrom} is
 * where the last refresh began reading (busy time before it is not stored, and so not known).
 */
public record CalendarSnapshot(BookableUser user, TimeWindow window, List<BusyInterval> busy, Set<BusyType> blocking,
                               List<Booking> bookings, WorkingHours workingHours, Readability readability,
                               Optional<Instant> readFrom) {

    public CalendarSnapshot {
        busy = List.copyOf(busy);
        blocking = Set.copyOf(blocking);
        bookings = List.copyOf(bookings);
    }
}
