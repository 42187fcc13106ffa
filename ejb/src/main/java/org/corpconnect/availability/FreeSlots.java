package org.corpconnect.availability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.corpconnect.account.Account;
import org.corpconnect.account.AccountDataVersions;
import org.corpconnect.bookingrules.BookingPolicy;
import org.corpconnect.bookingrules.BookingRules;
import org.corpconnect.bookingrules.Readability;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.users.BookableUser;

/**
 * Free slots of an account's users from what is stored (synced busy time plus the app's own
 * bookings), never from a live Exchange call per request. Each answer says how fresh each user's data
 * is, and a user whose calendar cannot be read is reported as such, never shown as free.
 */
// Not an EJB: it only reads, in the caller's transaction if there is one (as SUPPORTS would), and every booking page's
// view calls it; the EJB container's per-call work (security, pooling, transaction checks) bought nothing here.
@ApplicationScoped
public class FreeSlots {

    public static final int MAX_USERS = 50;
    /** The most slots one answer lists; the rest are paged through with {@code after}. */
    public static final int MAX_SLOTS = 500;

    @Inject
    private StoredCalendars storedCalendars;

    @Inject
    private BookingPolicy policy;

    public record UserState(BookableUser user, boolean readable, Optional<Instant> refreshedAt, Optional<String> problem) {
    }

    /** At most {@link #MAX_SLOTS} slots; {@code more} says that later ones were left out. */
    public record Answer(List<Slot> slots, boolean more, List<UserState> users, Instant horizonEnd) {
    }

    public BookingRules rules() {
        return policy.rules();
    }

    /**
     * The free slots of the query that start after {@code after} (when given), at most {@link #MAX_SLOTS}.
     *
     * @param dataVersion the account's data version, read before this call ({@link AccountDataVersions#current},
     *                    or with the caller's API key): nothing the answer is made of is older
     */
    public Answer find(Account account, OptionalLong dataVersion, List<MailboxAddress> addresses, SlotQuery query,
            Optional<Instant> after) {
        if (addresses.isEmpty() || addresses.size() > MAX_USERS) {
            throw new InvalidSlotQuery("users must name 1 to " + MAX_USERS + " users.");
        }
        Set<BusyType> blocking = account.blockingBusyTypes();
        // Only the days asked for (a day more on each side covers buffers and other zones' days).
        TimeWindow window = new TimeWindow(query.from().minusDays(1).atStartOfDay(query.zone()).toInstant(),
                query.to().plusDays(2).atStartOfDay(query.zone()).toInstant());
        List<MailboxAddress> distinct = addresses.stream().distinct().toList();
        StoredCalendars.Read stored = storedCalendars.read(account.id(), dataVersion, distinct, query.now());
        List<UserCalendar> calendars = new ArrayList<>();
        List<UserState> states = new ArrayList<>();
        for (MailboxAddress address : distinct) {
            StoredCalendars.UserData data = stored.users().get(address);
            BookableUser user = data.user();
            Readability readability = policy.readabilityOf(user, stored.connection(), query.now());
            states.add(new UserState(user, readability.readable(), user.refreshedAt(), readability.problem()));
            if (!readability.readable()) {
                calendars.add(UserCalendar.unreadable(user.id(), user.timeZone(), data.workingHours()));
                continue;
            }
            List<BusyInterval> busy = Stream.concat(
                    data.busy().stream().filter(i -> overlaps(i.start(), i.end(), window) && blocking.contains(i.type())),
                    data.heldSlots().stream().filter(b -> overlaps(b.start(), b.end(), window))
                            .map(b -> new BusyInterval(b.start(), b.end(), BusyType.BUSY)))
                    .toList();
            calendars.add(new UserCalendar(user.id(), user.timeZone(), data.workingHours(), busy, true));
        }
        List<Slot> slots = SlotFinder.find(query, calendars).stream()
                .filter(slot -> after.map(slot.start()::isAfter).orElse(true))
                .limit(MAX_SLOTS + 1L)
                .toList();
        boolean more = slots.size() > MAX_SLOTS;
        return new Answer(more ? slots.subList(0, MAX_SLOTS) : slots, more, states, query.horizonEnd());
    }

    // As the database compares them: what starts before the window ends and ends after it starts.
    private static boolean overlaps(Instant start, Instant end, TimeWindow window) {
        return start.isBefore(window.end()) && end.isAfter(window.start());
    }
}
