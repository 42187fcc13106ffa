package org.corpconnect.availability;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.corpconnect.account.AccountDataVersions;
import org.corpconnect.booking.Bookings;
import org.corpconnect.bookingrules.BookingPolicy;
import org.corpconnect.bookingrules.WorkingHours;
import org.corpconnect.busytime.BusyTimeStore;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.connection.ExchangeConnection;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.UserNotFound;
import org.corpconnect.users.Users;

/**
 * What availability answers from, read from the database once per account data version and then kept
 * in memory: each user with their busy time and the slots their bookings hold over the whole booking
 * horizon, and the account's connection. A request brings the account's version (read with its API key,
 * in the same statement) and reads from the database only what it has not seen at that version. Every change of these data raises the
 * version in the change's own transaction ({@link AccountDataVersions}), so nothing read before a
 * change is ever used after it: a slot booked a moment ago is taken in the next answer.
 *
 * <p>The version is read before the data, so data read at version v are never older than v (they may
 * be newer, which is harmless). The memory is bounded by the number of intervals kept; the least
 * recently used users go first, and those of old versions are never asked for again.
 */
@ApplicationScoped
public class StoredCalendars {

    /** Busy intervals and booked slots kept at most: some 80 bytes each, so about 20 MB. */
    static final long MAX_INTERVALS = 250_000;
    /**
     * How long one read serves: its busy time reaches a day past the horizon as it was then, and the
     * horizon moves on with the clock.
     */
    static final Duration LONGEST_KEPT = Duration.ofHours(12);
    private static final Duration MARGIN = Duration.ofDays(1);

    @Inject
    private BookingPolicy policy;

    @Inject
    private Users userStore;

    @Inject
    private BusyTimeStore busyTime;

    @Inject
    private Bookings bookings;

    private final Cache<UserKey, UserData> users = Caffeine.newBuilder()
            .maximumWeight(MAX_INTERVALS)
            .weigher((UserKey key, UserData data) -> 1 + data.busy().size() + data.heldSlots().size())
            .expireAfterWrite(LONGEST_KEPT)
            .build();

    private final Cache<AccountVersion, Optional<ExchangeConnection>> connections = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(LONGEST_KEPT)
            .build();

    private record AccountVersion(long accountId, long version) {
    }

    private record UserKey(long accountId, long version, MailboxAddress address) {
    }

    /**
     * One user as stored: busy time of every type and the slots held by bookings, sorted by start,
     * over {@code covered}, which holds everything a query made within {@link #LONGEST_KEPT} can need.
     */
    record UserData(BookableUser user, WorkingHours workingHours, TimeWindow covered, List<BusyInterval> busy,
                    List<TimeWindow> heldSlots) {
    }

    /** The users asked for, and the account's connection, as stored now. */
    record Read(Map<MailboxAddress, UserData> users, Optional<ExchangeConnection> connection) {
    }

    /**
     * @param version the account's version, read before this call
     * @throws UserNotFound when an address is none of the account's users
     */
    Read read(long accountId, OptionalLong version, Collection<MailboxAddress> addresses, Instant now) {
        if (version.isEmpty()) {
            return new Read(all(addresses, load(accountId, addresses, now)), policy.connectionOf(accountId));
        }
        long v = version.getAsLong();
        Optional<ExchangeConnection> connection = connections.get(new AccountVersion(accountId, v),
                key -> policy.connectionOf(accountId));
        Map<MailboxAddress, UserData> found = new HashMap<>();
        List<MailboxAddress> missing = addresses.stream().filter(address -> {
            UserData data = users.getIfPresent(new UserKey(accountId, v, address));
            if (data == null) {
                return true;
            }
            found.put(address, data);
            return false;
        }).toList();
        if (!missing.isEmpty()) {
            load(accountId, missing, now).forEach((address, data) -> {
                users.put(new UserKey(accountId, v, address), data);
                found.put(address, data);
            });
        }
        return new Read(all(addresses, found), connection);
    }

    private static Map<MailboxAddress, UserData> all(Collection<MailboxAddress> addresses, Map<MailboxAddress, UserData> found) {
        if (!found.keySet().containsAll(addresses)) {
            throw new UserNotFound();
        }
        return found;
    }

    /** One query each for the users, their busy time and their bookings' slots. */
    private Map<MailboxAddress, UserData> load(long accountId, Collection<MailboxAddress> addresses, Instant now) {
        List<BookableUser> stored = userStore.withAddresses(accountId, addresses);
        TimeWindow covered = new TimeWindow(now.minus(MARGIN), policy.rules().horizonEnd(now).plus(MARGIN).plus(MARGIN));
        List<Long> ids = stored.stream().map(BookableUser::id).toList();
        Map<Long, List<BusyInterval>> busy = busyTime.ofUsers(ids, covered);
        Map<Long, List<TimeWindow>> held = bookings.heldSlotsOf(ids, covered);
        return stored.stream().collect(Collectors.toMap(BookableUser::address, user -> new UserData(user,
                policy.workingHoursOf(user), covered, List.copyOf(busy.getOrDefault(user.id(), List.of())),
                List.copyOf(held.getOrDefault(user.id(), List.of())))));
    }
}
