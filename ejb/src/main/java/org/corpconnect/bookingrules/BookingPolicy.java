package org.corpconnect.bookingrules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.account.Account;
import org.corpconnect.busytime.BusyTimeStore;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.connection.ConnectionStatus;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.ExchangeConnection;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.CalendarAccessStatus;
import org.corpconnect.users.UserNotFound;
import org.corpconnect.users.Users;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The booking rules as configured, and the one check a booking or a move passes before anything is
 * reserved: the rules of {@link BookingRules}, the buffers against the user's stored busy time, and
 * a calendar known well enough (read, and not older than the maximum staleness).
 */
@ApplicationScoped
public class BookingPolicy {

    @Inject
    private Users users;

    @Inject
    private Connections connections;

    @Inject
    private BusyTimeStore busyTime;

    @Inject
    @ConfigProperty(name = "booking.minimum-notice-minutes", defaultValue = "60")
    long noticeMinutes;

    /** Bookings reach no further than busy time is read. */
    @Inject
    @ConfigProperty(name = "sync.horizon-days", defaultValue = "56")
    int horizonDays;

    @Inject
    @ConfigProperty(name = "booking.buffer-before-minutes", defaultValue = "0")
    long bufferBeforeMinutes;

    @Inject
    @ConfigProperty(name = "booking.buffer-after-minutes", defaultValue = "0")
    long bufferAfterMinutes;

    /** Working hours where Exchange reported none, e.g. {@code MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY 09:00-17:00}. */
    @Inject
    @ConfigProperty(name = "availability.default-working-hours", defaultValue = "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY 09:00-17:00")
    String defaultWorkingHours;

    @Inject
    @ConfigProperty(name = "sync.interval-minutes", defaultValue = "15")
    double syncIntervalMinutes;

    /** Unset: three refresh intervals, so that one or two failed refreshes do not yet hide anyone. */
    @Inject
    @ConfigProperty(name = "availability.max-staleness-minutes")
    Optional<Long> maxStalenessMinutes;

    private final Clock clock = Clock.systemUTC();

    public BookingRules rules() {
        return new BookingRules(Duration.ofMinutes(noticeMinutes), horizonDays,
                Duration.ofMinutes(bufferBeforeMinutes), Duration.ofMinutes(bufferAfterMinutes));
    }

    /** How often busy time is refreshed: a user read longer ago than this missed a refresh. */
    public Duration syncInterval() {
        return Duration.ofMillis(Math.round(Math.max(0.1, syncIntervalMinutes) * 60_000));
    }

    public Duration maxStaleness() {
        return maxStalenessMinutes.map(Duration::ofMinutes).orElse(syncInterval().multipliedBy(3));
    }

    /** Exchange's working hours of the user where known, else the configured ones, in the user's zone. */
    public WorkingHours workingHoursOf(BookableUser user) {
        return user.workingWeek()
                .map(week -> new WorkingHours(week.days(), week.start(), week.end()))
                .orElseGet(() -> WorkingHours.parse(defaultWorkingHours));
    }

    public Optional<ExchangeConnection> connectionOf(long accountId) {
        return connections.findFor(accountId);
    }

    /**
     * Unknown is not free: a user whose calendar was never read, could not be read at the last
     * refresh, or was last read longer ago than the maximum staleness is unreadable; the reason names
     * the connection's status and since when, when the connection is the cause.
     */
    public Readability readabilityOf(BookableUser user, Optional<ExchangeConnection> connection, Instant now) {
        Optional<Instant> refreshedAt = user.refreshedAt();
        String problem;
        if (refreshedAt.isEmpty()) {
            problem = "The calendar has not been read yet.";
        } else if (user.accessStatus() == CalendarAccessStatus.MAILBOX_NOT_FOUND
                || user.refreshFailedAt().map(failed -> !failed.isBefore(refreshedAt.get())).orElse(false)) {
            problem = user.refreshError().orElse("The calendar could not be read at the last refresh.");
        } else if (refreshedAt.get().isBefore(now.minus(maxStaleness()))) {
            problem = "The busy time was last read at " + refreshedAt.get() + ", more than " + maxStaleness().toMinutes()
                    + " minutes ago: too old to offer anything as free.";
        } else {
            return Readability.READABLE;
        }
        return Readability.unreadable(problem + connectionTrouble(connection));
    }

    private static String connectionTrouble(Optional<ExchangeConnection> connection) {
        if (connection.isEmpty()) {
            return " The account has no Exchange connection.";
        }
        ExchangeConnection c = connection.get();
        if (c.status() == ConnectionStatus.HEALTHY || c.status() == ConnectionStatus.UNTESTED) {
            return "";
        }
        return " The connection is " + c.status() + c.lastFailureAt().map(at -> " since " + at).orElse("")
                + c.statusDetail().map(detail -> ": " + detail).orElse(".");
    }

    /**
     * The one check before a booking, or a move from {@code movingFrom}, is reserved.
     *
     * @throws UserNotFound when the address is no user of the account
     * @throws OutsideBookingRules naming the first rule broken
     * @throws CalendarUnknown when the user's busy time cannot be trusted now
     */
    public void requireBookable(Account account, MailboxAddress address, TimeWindow wanted, Optional<TimeWindow> movingFrom) {
        Instant now = clock.instant();
        BookableUser user = users.find(account.id(), address).orElseThrow(UserNotFound::new);
        BookingRules rules = rules();
        Optional<BookingRules.Violation> violation = rules.violationOf(wanted.start(), wanted.end(), now,
                workingHoursOf(user), user.timeZone());
        if (violation.isPresent()) {
            throw new OutsideBookingRules(violation.get());
        }
        Readability readability = readabilityOf(user, connectionOf(account.id()), now);
        if (!readability.readable()) {
            throw new CalendarUnknown(readability.problem().orElseThrow());
        }
        requireBuffersFree(account, user, rules, wanted, movingFrom);
    }

    // Only the margins: the booked span itself is the reservation's and the live check's to decide.
    private void requireBuffersFree(Account account, BookableUser user, BookingRules rules, TimeWindow wanted,
                                    Optional<TimeWindow> movingFrom) {
        if (rules.bufferBefore().isZero() && rules.bufferAfter().isZero()) {
            return;
        }
        Set<BusyType> blocking = account.blockingBusyTypes();
        TimeWindow before = new TimeWindow(wanted.start().minus(rules.bufferBefore()), wanted.start());
        TimeWindow after = new TimeWindow(wanted.end(), wanted.end().plus(rules.bufferAfter()));
        boolean busy = busyTime.of(user.id(), new TimeWindow(before.start(), after.end())).stream()
                .filter(i -> blocking.contains(i.type()))
                .filter(i -> movingFrom.map(own -> !(i.start().equals(own.start()) && i.end().equals(own.end()))).orElse(true))
                .anyMatch(i -> overlaps(i, before) || overlaps(i, after));
        if (busy) {
            throw new OutsideBookingRules(new BookingRules.Violation(BookingRules.Rule.BUFFERS, "A booking needs "
                    + rules.bufferBefore().toMinutes() + " minutes free before it and " + rules.bufferAfter().toMinutes()
                    + " after it; the user is busy there."));
        }
    }

    private static boolean overlaps(BusyInterval interval, TimeWindow window) {
        return interval.start().isBefore(window.end()) && interval.end().isAfter(window.start());
    }
}
