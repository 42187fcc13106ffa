package org.corpconnect.push;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.corpconnect.connection.AccountConnections;
import org.corpconnect.connection.AccountExchange;
import org.corpconnect.connection.ConnectionPaused;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.NotConnected;
import org.corpconnect.exchange.CalendarWatch;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.CalendarAccessStatus;
import org.corpconnect.users.Users;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps one watch per readable user of each account whose access watches by callback: a timer of each
 * cluster member's own (non-persistent, as the booking sweep's) passes over every account, each watch
 * row's claim deciding which member creates it, creating the missing
 * watches, renewing those that expire soon, and stopping those of users gone, no longer readable, or
 * created under a replaced credential (re-created under the new one). Without
 * {@code notifications.public-url} nothing is watched and every watch is stopped: the users are then
 * polled ({@code org.corpconnect.polling}).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "MasterKeyRotation"})
@Lock(LockType.READ) // Nothing here blocks: the timer only hands the pass over.
@ManagedExecutorDefinition(name = WatchKeeper.EXECUTOR, maxAsync = 4)
public class WatchKeeper {

    static final String EXECUTOR = "java:app/concurrent/calendar-watches";
    /** The product's path that Exchange calls back, under {@code notifications.public-url}. */
    public static final String CALLBACK_PATH = "notifications/calendars";
    private static final String TIMER = "calendar-watches";
    /** A claim whose member never finished creating the watch (it stopped meanwhile) is given up after this. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(WatchKeeper.class.getName());

    @Resource
    private TimerService timers;

    @Resource(lookup = EXECUTOR)
    private ManagedExecutorService executor;

    @Inject
    private AccountConnections accountConnections;

    @Inject
    private Connections connections;

    @Inject
    private Users users;

    @Inject
    private WatchedCalendars watches;

    @Inject
    private StreamKeeper streams;

    /** The product's public base URL as Exchange reaches it (e.g. https://bookings.example.com/exchange-connection). */
    @Inject
    @ConfigProperty(name = "notifications.public-url")
    Optional<String> publicUrl;

    /** How long a watch is asked for; Graph allows at most 4,230 minutes on events. */
    @Inject
    @ConfigProperty(name = "push.watch-minutes", defaultValue = "4200")
    long watchMinutes;

    @Inject
    @ConfigProperty(name = "push.renew-before-minutes", defaultValue = "720")
    long renewBeforeMinutes;

    @Inject
    @ConfigProperty(name = "push.check-seconds", defaultValue = "300")
    long checkSeconds;

    private final Clock clock = Clock.systemUTC();
    /** Accounts being kept by this member now: a pass never overlaps another of the same account here. */
    private final Set<Long> keeping = ConcurrentHashMap.newKeySet();

    /** This member's timer: a persistent one would fire only on the member that made it (see BusyTimeSync). */
    @PostConstruct
    void scheduleChecks() {
        long interval = Duration.ofSeconds(Math.max(1, checkSeconds)).toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig(TIMER, false));
    }

    /** The URL Exchange calls back; empty when the operator set none (no push). */
    public Optional<URI> callback() {
        return publicUrl.filter(u -> !u.isBlank())
                .map(u -> URI.create(u.endsWith("/") ? u + CALLBACK_PATH : u + "/" + CALLBACK_PATH));
    }

    /** Whether Exchange pushes the account's changes, for the sync page. */
    public record PushState(Mode mode, long watched) {
        /** STREAMED: over connections held open to Exchange; {@code watched} counts this member's only. */
        public enum Mode { ON, STREAMED, NO_PUBLIC_URL, NOT_SUPPORTED }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public PushState state(long accountId) {
        try {
            if (streams.enabled() && accountConnections.open(accountId).watchesByStream()) {
                return new PushState(PushState.Mode.STREAMED, streams.streamed(accountId));
            }
        } catch (NotConnected | ConnectionPaused e) {
            // told below
        }
        long watched = watches.ofAccount(accountId).stream().filter(w -> w.watchId().isPresent()).count();
        if (callback().isEmpty()) {
            return new PushState(PushState.Mode.NO_PUBLIC_URL, watched);
        }
        try {
            return new PushState(accountConnections.open(accountId).watchesByCallback() ? PushState.Mode.ON
                    : PushState.Mode.NOT_SUPPORTED, watched);
        } catch (NotConnected | ConnectionPaused e) {
            return new PushState(PushState.Mode.NOT_SUPPORTED, watched);
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer() {
        Set<Long> accounts = new LinkedHashSet<>();
        connections.all().forEach(c -> accounts.add(c.account().id()));
        accounts.addAll(watches.accountsWatched());
        accounts.forEach(this::keepSoon);
    }

    /** Brings the account's watches up to date on the keeper's executor; returns at once. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void keepSoon(long accountId) {
        try {
            executor.execute(() -> keep(accountId));
        } catch (RejectedExecutionException busy) {
            LOG.fine(() -> "Watches of account " + accountId + " wait for the next pass: the executor is full.");
        }
    }

    private void keep(long accountId) {
        if (!keeping.add(accountId)) {
            return;
        }
        try {
            new Pass(accountId).run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Keeping the calendar watches of account " + accountId + " failed", e);
        } finally {
            keeping.remove(accountId);
        }
    }

    /** One pass over one account's watches. */
    private final class Pass {

        final long accountId;
        final Instant now = clock.instant();
        final Optional<AccountExchange> exchange;
        final Optional<URI> callback = callback();
        boolean credentialRefused;

        Pass(long accountId) {
            this.accountId = accountId;
            Optional<AccountExchange> opened;
            try {
                opened = Optional.of(accountConnections.open(accountId));
            } catch (NotConnected | ConnectionPaused e) {
                opened = Optional.empty();
            }
            this.exchange = opened;
        }

        void run() {
            boolean watching = callback.isPresent() && exchange.isPresent() && exchange.get().watchesByCallback();
            Map<Long, BookableUser> readable = watching
                    ? users.ofAccount(accountId).stream().filter(u -> u.accessStatus() == CalendarAccessStatus.OK)
                            .collect(Collectors.toMap(BookableUser::id, Function.identity()))
                    : Map.of();
            Set<Long> watched = new HashSet<>();
            for (WatchedCalendar row : watches.ofAccount(accountId)) {
                if (row.watchId().isEmpty()) {
                    if (row.claimedAt().plus(CLAIM_TIMEOUT).isBefore(now)) {
                        watches.remove(row.id());
                    } else {
                        watched.add(row.userId()); // another member (or an earlier pass) is creating it
                    }
                } else if (!readable.containsKey(row.userId()) || row.generation() != exchange.get().generation()) {
                    stop(row);
                } else if (renew(row)) {
                    watched.add(row.userId());
                }
            }
            readable.values().stream().filter(u -> !watched.contains(u.id())).forEach(this::start);
        }

        /** Stops the watch where Exchange still lets us (an unreachable Exchange lets it expire by itself). */
        private void stop(WatchedCalendar row) {
            exchange.ifPresent(e -> {
                try {
                    e.stopWatch(row.watchId().orElseThrow());
                } catch (ExchangeException | ConnectionPaused failed) {
                    LOG.info(() -> "Could not stop " + row + " (it lapses at its expiry): " + failed.getMessage());
                }
            });
            watches.remove(row.id());
        }

        /** Renews a watch that expires before the next passes could; false when it is gone (created again). */
        private boolean renew(WatchedCalendar row) {
            Instant expires = row.expiresAt().orElse(now);
            if (expires.isAfter(now.plus(Duration.ofMinutes(renewBeforeMinutes)))) {
                return true;
            }
            try {
                Optional<CalendarWatch> renewed = exchange.get().renewWatch(row.watchId().orElseThrow(), until());
                if (renewed.isPresent()) {
                    watches.renewed(row.id(), renewed.get().expires());
                    return true;
                }
                LOG.info(() -> "Exchange no longer has " + row + ": watching the calendar again.");
            } catch (ExchangeException | ConnectionPaused failed) {
                LOG.info(() -> "Could not renew " + row + ": " + failed.getMessage());
                if (expires.isAfter(now)) {
                    return true; // still running: renewed at a later pass
                }
            }
            watches.remove(row.id());
            return false;
        }

        /** Claims the user's watch, then has Exchange create it, outside any transaction. */
        private void start(BookableUser user) {
            if (credentialRefused) {
                return;
            }
            String secret = SecretTokens.newToken();
            WatchedCalendar claimed;
            try {
                claimed = watches.claim(accountId, user.id(), exchange.get().generation(), SecretTokens.sha256(secret), now);
            } catch (EJBException | PersistenceException takenMeanwhile) {
                return; // another member claimed it first
            }
            try {
                CalendarWatch watch = exchange.get().watch(user.address(), callback.orElseThrow(), secret, until());
                watches.started(claimed.id(), watch.id(), watch.expires());
            } catch (RuntimeException failed) {
                watches.remove(claimed.id());
                // The credential is refused for every user alike: the pass ends here, and so do its log lines.
                credentialRefused = failed instanceof ConnectionPaused || failed instanceof CredentialRejected;
                LOG.info(() -> "Could not watch " + user.address() + "'s calendar (account " + accountId
                        + "), tried again at the next pass: " + failed.getMessage());
            }
        }

        private Instant until() {
            return clock.instant().plus(Duration.ofMinutes(watchMinutes));
        }
    }
}
