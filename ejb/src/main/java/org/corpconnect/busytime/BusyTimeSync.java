package org.corpconnect.busytime;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.corpconnect.connection.Connections;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps every connected account's busy time fresh: one persistent, programmatic interval timer per
 * account (it survives restarts, and fires on one instance only in a cluster, where a
 * {@code @Schedule} would fire on each), plus "refresh now". Refreshes of one account never overlap:
 * a request that arrives during one runs right after it.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "MasterKeyRotation"})
@Lock(LockType.READ) // Refreshes of different accounts run side by side.
@ManagedExecutorDefinition(name = BusyTimeSync.EXECUTOR, maxAsync = 32)
public class BusyTimeSync {

    static final String EXECUTOR = "java:app/concurrent/exchange-requests";
    private static final Logger LOG = Logger.getLogger(BusyTimeSync.class.getName());

    @Resource
    private TimerService timers;

    @Inject
    private AccountRefresh refresh;

    @Inject
    private Connections connections;

    @Inject
    @ConfigProperty(name = "sync.interval-minutes", defaultValue = "15")
    long intervalMinutes;

    private static final int RECENT_RUNS = 10;

    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    /** The last refreshes of each account, newest first, for the sync page (kept in memory only). */
    private final Map<Long, Deque<RefreshResult>> recentRuns = new ConcurrentHashMap<>();
    private final Set<Long> requestedAgain = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void scheduleEveryConnectedAccount() {
        connections.all().forEach(connection -> schedule(connection.account().id()));
    }

    /** Makes sure the account has its timer; idempotent. */
    public void schedule(long accountId) {
        if (timerOf(accountId).isEmpty()) {
            long interval = Duration.ofMinutes(Math.max(1, intervalMinutes)).toMillis();
            timers.createIntervalTimer(interval, interval, new TimerConfig(accountId, true));
        }
    }

    public void unschedule(long accountId) {
        timerOf(accountId).ifPresent(Timer::cancel);
    }

    /** When the account's timer fires next; empty when it has none. */
    public Optional<Instant> nextRefresh(long accountId) {
        return timerOf(accountId).map(t -> t.getNextTimeout().toInstant());
    }

    private Optional<Timer> timerOf(long accountId) {
        return timers.getTimers().stream().filter(t -> Long.valueOf(accountId).equals(t.getInfo())).findFirst();
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Long EWS work: no transaction around it.
    void onTimer(Timer timer) {
        refreshOrQueue((Long) timer.getInfo());
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<Optional<RefreshResult>> refreshNow(long accountId) {
        return CompletableFuture.completedFuture(refreshOrQueue(accountId));
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<RefreshResult> refreshUserNow(long accountId, long userId) {
        return CompletableFuture.completedFuture(remember(refresh.refresh(accountId, Optional.of(userId))));
    }

    public List<RefreshResult> recentRuns(long accountId) {
        return List.copyOf(recentRuns.getOrDefault(accountId, new ArrayDeque<>()));
    }

    private RefreshResult remember(RefreshResult result) {
        Deque<RefreshResult> runs = recentRuns.computeIfAbsent(result.accountId(), id -> new ConcurrentLinkedDeque<>());
        runs.addFirst(result);
        while (runs.size() > RECENT_RUNS) {
            runs.pollLast();
        }
        return result;
    }

    /** Runs a refresh unless one is running for the account; then that one runs once more when done. */
    private Optional<RefreshResult> refreshOrQueue(long accountId) {
        if (!running.add(accountId)) {
            requestedAgain.add(accountId);
            return Optional.empty();
        }
        try {
            RefreshResult result;
            do {
                requestedAgain.remove(accountId);
                result = refresh.refresh(accountId, Optional.empty());
                remember(result);
                RefreshResult done = result;
                LOG.info(() -> "Busy time of account " + accountId + ": " + done.usersRefreshed() + " users refreshed, "
                        + done.usersFailed() + " failed, " + done.requestsSent() + " requests in " + done.took().toMillis()
                        + " ms" + done.stoppedBecause().map(s -> "; stopped: " + s).orElse(""));
            } while (requestedAgain.contains(accountId));
            return Optional.of(result);
        } finally {
            running.remove(accountId);
        }
    }
}
