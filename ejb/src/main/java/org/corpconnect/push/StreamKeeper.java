package org.corpconnect.push;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.AccountConnections;
import org.corpconnect.connection.AccountExchange;
import org.corpconnect.connection.ConnectionPaused;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.NotConnected;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.CalendarAccessStatus;
import org.corpconnect.users.Users;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the streaming watches of every account whose access watches over held connections (EWS):
 * a timer of each member's own passes over the accounts; a member keeps an account's streams only
 * while it holds the account's {@link StreamLeases lease} in the database (renewed at every pass, taken
 * over by another member when it lapses), since a held connection lives in one JVM. A change hands
 * only its user to {@link BusyTimeSync#refreshUserNow}. Connections run on managed threads and end
 * when the application stops, releasing the leases.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "MasterKeyRotation"})
@Lock(LockType.READ) // Nothing here blocks: the timer only hands the pass over.
public class StreamKeeper {

    private static final String TIMER = "calendar-streams";
    private static final Logger LOG = Logger.getLogger(StreamKeeper.class.getName());

    @Resource
    private TimerService timers;

    @Resource(lookup = WatchKeeper.EXECUTOR)
    private ManagedExecutorService executor;

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private AccountConnections accountConnections;

    @Inject
    private Connections connections;

    @Inject
    private Users users;

    @Inject
    private BusyTimeSync sync;

    @Inject
    private StreamLeases leases;

    /** Whether calendars are watched over held connections at all; off, the timer refresh is their only freshness. */
    @Inject
    @ConfigProperty(name = "push.streams")
    boolean enabled;

    /** How often each member passes over the accounts (and renews its leases). */
    @Inject
    @ConfigProperty(name = "push.stream-check-seconds")
    long checkSeconds;

    /** How long a member's lease on an account's streams lasts unless renewed. */
    @Inject
    @ConfigProperty(name = "push.stream-lease-seconds")
    long leaseSeconds;

    /** How long each streaming connection is asked for (EWS: 1-30 minutes), then opened again. */
    @Inject
    @ConfigProperty(name = "push.stream-minutes")
    long streamMinutes;

    /** The wait before a dropped connection is opened again. */
    @Inject
    @ConfigProperty(name = "push.stream-retry-seconds")
    double retrySeconds;

    private final Clock clock = Clock.systemUTC();
    private final String holder = "streams-" + UUID.randomUUID();
    private final Map<Long, AccountStreams> held = new ConcurrentHashMap<>();
    private final Set<Long> keeping = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    @PostConstruct
    void scheduleChecks() {
        long interval = Duration.ofSeconds(Math.max(1, checkSeconds)).toMillis();
        timers.createIntervalTimer(Math.min(interval, 1000), interval, new TimerConfig(TIMER, false));
    }

    /** Whether calendars are watched over held connections (push.streams). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean enabled() {
        return enabled;
    }

    /** How many of the account's users this member watches over streams (0 where another member holds them). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int streamed(long accountId) {
        return Optional.ofNullable(held.get(accountId)).map(AccountStreams::watched).orElse(0);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer() {
        if (!enabled) {
            return;
        }
        Set<Long> accounts = new LinkedHashSet<>();
        connections.all().forEach(c -> accounts.add(c.account().id()));
        accounts.addAll(held.keySet());
        for (long accountId : accounts) {
            try {
                executor.execute(() -> keep(accountId));
            } catch (RejectedExecutionException busy) {
                LOG.fine(() -> "Streams of account " + accountId + " wait for the next pass: the executor is full.");
            }
        }
    }

    private void keep(long accountId) {
        if (stopping || !keeping.add(accountId)) {
            return;
        }
        try {
            Optional<AccountExchange> exchange = opened(accountId).filter(AccountExchange::watchesByStream);
            if (exchange.isEmpty() || !leases.hold(accountId, holder, clock.instant(), Duration.ofSeconds(leaseSeconds))) {
                drop(accountId, exchange.isEmpty());
                return;
            }
            Map<Long, MailboxAddress> readable = users.ofAccount(accountId).stream()
                    .filter(u -> u.accessStatus() == CalendarAccessStatus.OK)
                    .collect(Collectors.toMap(BookableUser::id, BookableUser::address));
            held.computeIfAbsent(accountId, id -> new AccountStreams(id, threads, userId -> sync.refreshUserNow(id, userId),
                    Duration.ofMinutes(streamMinutes), Duration.ofMillis((long) (retrySeconds * 1000))))
                    .keep(exchange.get(), readable);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Keeping the streaming watches of account " + accountId + " failed", e);
        } finally {
            keeping.remove(accountId);
        }
    }

    private Optional<AccountExchange> opened(long accountId) {
        try {
            return Optional.of(accountConnections.open(accountId));
        } catch (NotConnected | ConnectionPaused e) {
            return Optional.empty();
        }
    }

    /** This member no longer keeps the account's streams (another holds the lease, or nothing is to be streamed). */
    private void drop(long accountId, boolean release) {
        AccountStreams streams = held.remove(accountId);
        if (streams != null) {
            streams.stop();
        }
        if (release) {
            leases.release(accountId, holder);
        }
    }

    @PreDestroy
    void stopAll() {
        stopping = true;
        held.forEach((accountId, streams) -> {
            streams.stop();
            try {
                leases.release(accountId, holder);
            } catch (RuntimeException e) {
                LOG.fine(() -> "The streaming lease of account " + accountId + " lapses by itself: " + e.getMessage());
            }
        });
        held.clear();
    }
}
