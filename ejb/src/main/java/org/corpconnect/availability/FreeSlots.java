package org.corpconnect.availability;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.corpconnect.account.Account;
import org.corpconnect.booking.Bookings;
import org.corpconnect.busytime.BusyTimeStore;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.CalendarAccessStatus;
import org.corpconnect.users.UserNotFound;
import org.corpconnect.users.Users;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Free slots of an account's users from what is stored (synced busy time plus the app's own
 * bookings), never from a live Exchange call per request. Each answer says how fresh each user's data
 * is, and a user whose calendar cannot be read is reported as such, never shown as free.
 */
@Stateless
public class FreeSlots {

    public static final int MAX_USERS = 50;

    @Inject
    private Users users;

    @Inject
    private BusyTimeStore busyTime;

    @Inject
    private Bookings bookings;

    /** Bookings reach no further than busy time is read. */
    @Inject
    @ConfigProperty(name = "sync.horizon-days", defaultValue = "56")
    int horizonDays;

    /** Working hours where Exchange reported none, e.g. {@code MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY 09:00-17:00}. */
    @Inject
    @ConfigProperty(name = "availability.default-working-hours", defaultValue = "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY 09:00-17:00")
    String defaultWorkingHours;

    public record UserState(BookableUser user, boolean readable, Optional<Instant> refreshedAt, Optional<String> problem) {
    }

    public record Answer(List<Slot> slots, List<UserState> users, Instant horizonEnd) {
    }

    /** The horizon of bookings: the end of the busy time being kept fresh. */
    public Instant horizonEnd(Instant now) {
        return now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(horizonDays));
    }

    public Answer find(Account account, List<MailboxAddress> addresses, SlotQuery query) {
        if (addresses.isEmpty() || addresses.size() > MAX_USERS) {
            throw new InvalidSlotQuery("users must name 1 to " + MAX_USERS + " users.");
        }
        Set<BusyType> blocking = account.blockingBusyTypes();
        // Only the days asked for (a day more on each side covers buffers and other zones' days).
        TimeWindow window = new TimeWindow(query.from().minusDays(1).atStartOfDay(query.zone()).toInstant(),
                query.to().plusDays(2).atStartOfDay(query.zone()).toInstant());
        List<UserCalendar> calendars = new ArrayList<>();
        List<UserState> states = new ArrayList<>();
        for (MailboxAddress address : addresses.stream().distinct().toList()) {
            BookableUser user = users.find(account.id(), address).orElseThrow(UserNotFound::new);
            boolean readable = user.refreshedAt().isPresent() && user.accessStatus() != CalendarAccessStatus.MAILBOX_NOT_FOUND
                    && user.refreshFailedAt().map(failed -> failed.isBefore(user.refreshedAt().get())).orElse(true);
            Optional<String> problem = readable ? Optional.empty()
                    : Optional.of(user.refreshError().orElse(user.refreshedAt().isEmpty()
                            ? "The calendar has not been read yet." : "The calendar could not be read at the last refresh."));
            states.add(new UserState(user, readable, user.refreshedAt(), problem));
            if (!readable) {
                calendars.add(UserCalendar.unreadable(user.id(), user.timeZone(), workingHoursOf(user)));
                continue;
            }
            List<BusyInterval> busy = Stream.concat(
                    busyTime.of(user.id(), window).stream().filter(i -> blocking.contains(i.type())),
                    bookings.holdingSlotsOf(user.id(), window).stream().map(b -> new BusyInterval(b.start(), b.end(), BusyType.BUSY)))
                    .toList();
            calendars.add(new UserCalendar(user.id(), user.timeZone(), workingHoursOf(user), busy, true));
        }
        return new Answer(SlotFinder.find(query, calendars), states, query.horizonEnd());
    }

    /** Exchange's working hours of the user where known, else the configured ones, in the user's zone. */
    private WorkingHours workingHoursOf(BookableUser user) {
        return user.workingWeek()
                .map(week -> new WorkingHours(week.days(), week.start(), week.end()))
                .orElseGet(() -> WorkingHours.parse(defaultWorkingHours));
    }
}
