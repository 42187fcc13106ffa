package org.corpconnect.polling;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.corpconnect.booking.Bookings;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.busytime.ExchangeBackOffs;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.connection.AccountConnections;
import org.corpconnect.connection.AccountExchange;
import org.corpconnect.connection.ConnectionPaused;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.NotConnected;
import org.corpconnect.push.StreamKeeper;
import org.corpconnect.push.WatchKeeper;
import org.corpconnect.push.WatchedCalendar;
import org.corpconnect.push.WatchedCalendars;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.CalendarAccessStatus;
import org.corpconnect.users.Users;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Polls the readable users of every connected account whose calendars Exchange does not push: the
 * account's connection cannot watch by callback (Graph's delegated mode, EWS), or the operator set no
 * {@code notifications.public-url}. Each cluster member runs a timer of its own (non-persistent, as
 * {@code BusyTimeSync}'s and {@code WatchKeeper}'s: a persistent one fires only on the member that made
 * it); a pass claims each account's due users in the database, so that a user's poll runs once in all,
 * and hands the claimed users of an account, together, to the account's refresh slot: one refresh reads
 * them in as few requests as Exchange allows, within {@code sync.concurrency}, never beside another refresh
 * of the account. An account Exchange asked to back off is left alone until the back-off ends, its due
 * users still due.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "MasterKeyRotation"})
@Lock(LockType.READ) // Nothing here blocks: a pass only reads the database and hands refreshes over.
public class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class.getName());

    @Resource
    private TimerService timers;

    @Inject
    private Connections connections;

    @Inject
    private AccountConnections accountConnections;

    @Inject
    private PolledUsers polled;

    @Inject
    private Bookings bookings;

    @Inject
    private ExchangeBackOffs backOffs;

    @Inject
    private BusyTimeSync sync;

    @Inject
    private WatchKeeper push;

    @Inject
    private StreamKeeper streams;

    @Inject
    private WatchedCalendars watches;

    @Inject
    private Users users;

    /** How often a user with a booking in the next {@code push.poll-booked-days} is polled. */
    @Inject
    @ConfigProperty(name = "push.poll-booked-seconds", defaultValue = "120")
    long bookedSeconds;

    /** How often every other readable user is polled. */
    @Inject
    @ConfigProperty(name = "push.poll-seconds", defaultValue = "600")
    long seconds;

    /** How far ahead a booking makes its user polled often. */
    @Inject
    @ConfigProperty(name = "push.poll-booked-days", defaultValue = "7")
    long bookedDays;

    private final Clock clock = Clock.systemUTC();
    /** A pass that outlasts the check period is not overlapped by the next one on this member. */
    private final AtomicBoolean passing = new AtomicBoolean();
    private PollPlan plan;

    @PostConstruct
    void scheduleChecks() {
        long booked = Math.max(1, bookedSeconds);
        plan = new PollPlan(Duration.ofSeconds(booked), Duration.ofSeconds(Math.max(booked, seconds)));
        long check = plan.checkPeriod().toMillis();
        timers.createIntervalTimer(check, check, new TimerConfig("calendar-polls", false));
        LOG.info(() -> "Users whose calendars Exchange does not push are polled every " + plan.bookedEvery() + " with bookings in the next "
                + bookedDays + " days, every " + plan.every() + " otherwise; looking for due ones every " + plan.checkPeriod());
    }

    public PollPlan plan() {
        return plan;
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer() {
        if (!passing.compareAndSet(false, true)) {
            return;
        }
        try {
            Set<Long> connected = new HashSet<>();
            connections.all().forEach(c -> connected.add(c.account().id()));
            for (long accountId : connected) {
                try {
                    pollDue(accountId);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Polling the users of account " + accountId + " failed", e);
                }
            }
            polled.accounts().stream().filter(id -> !connected.contains(id)).forEach(polled::forget);
        } finally {
            passing.set(false);
        }
    }

    private void pollDue(long accountId) {
        AccountExchange exchange;
        try {
            exchange = accountConnections.open(accountId);
        } catch (NotConnected | ConnectionPaused e) {
            return; // The rows stay: polling goes on where it was once the connection is usable again.
        }
        if (pushes(exchange)) {
            polled.forget(accountId);
            return;
        }
        Instant now = clock.instant();
        polled.keep(accountId, now);
        if (backOffs.pendingUntil(accountId, exchange.generation(), now).isPresent()) {
            return; // Exchange asked the account to wait: the due users stay due for the pass after the back-off.
        }
        List<PollPlan.PolledUser> due = plan.due(polled.ofAccount(accountId), booked(accountId, now), now);
        List<Long> claimed = polled.claim(due, now);
        if (!claimed.isEmpty()) {
            LOG.fine(() -> "Polling " + claimed.size() + " users of account " + accountId);
            sync.refreshUsersNow(accountId, Set.copyOf(claimed));
        }
    }

    private boolean pushes(AccountExchange exchange) {
        return push.callback().isPresent() && exchange.watchesByCallback() || streams.enabled() && exchange.watchesByStream();
    }

    private Set<Long> booked(long accountId, Instant now) {
        return bookings.usersHoldingSlots(accountId, new TimeWindow(now, now.plus(Duration.ofDays(Math.max(1, bookedDays)))));
    }

    /** What keeps each of the account's users fresh between timer refreshes, for the sync page. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Long, KeptFreshBy> keptFreshBy(long accountId) {
        Set<Long> watched = watches.ofAccount(accountId).stream().filter(w -> w.watchId().isPresent())
                .map(WatchedCalendar::userId).collect(Collectors.toSet());
        Set<Long> polledUsers = polled.ofAccount(accountId).stream().map(PollPlan.PolledUser::userId).collect(Collectors.toSet());
        Instant now = clock.instant();
        Set<Long> booked = polledUsers.isEmpty() ? Set.of() : booked(accountId, now);
        // Streamed: every readable user is subscribed (on whichever member holds the account's connections).
        boolean streamed = push.state(accountId).mode() == WatchKeeper.PushState.Mode.STREAMED;
        Map<Long, KeptFreshBy> kept = new LinkedHashMap<>();
        for (BookableUser user : users.ofAccount(accountId)) {
            boolean pushed = watched.contains(user.id()) || streamed && user.accessStatus() == CalendarAccessStatus.OK;
            kept.put(user.id(), pushed ? KeptFreshBy.PUSH
                    : !polledUsers.contains(user.id()) ? KeptFreshBy.TIMER
                    : booked.contains(user.id()) ? KeptFreshBy.POLLING_BOOKED : KeptFreshBy.POLLING);
        }
        return kept;
    }

    /** How far ahead a booking makes its user polled often. */
    public long bookedDays() {
        return bookedDays;
    }
}
