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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.corpconnect.connection.Connections;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps every connected account's busy time fresh: one persistent, programmatic interval timer per
 * account (it survives restarts, and fires on one instance only in a cluster, where a
 * {@code @Schedule} would fire on each), plus "refresh now". Refreshes of one account never overlap:
 * "refresh now" during one runs right after it; a timer during one skips.
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

    /** One refresh of an account at a time; refreshes of different accounts run side by side. */
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** The last refreshes of each account, newest first, for the sync page (kept in memory only). */
    private final Map<Long, Deque<RefreshResult>> recentRuns = new ConcurrentHashMap<>();

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

    /** A timer that fires while the account is being refreshed skips: that refresh is as fresh. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Long EWS work: no transaction around it.
    void onTimer(Timer timer) {
        long accountId = (Long) timer.getInfo();
        ReentrantLock lock = lockOf(accountId);
        if (lock.tryLock()) {
            try {
                run(accountId);
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Refreshes the account now; if a refresh is running, right after it (a new credential, a granted
     * delegation: the running one may have started too early to see it). The future ends with it.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<RefreshResult> refreshNow(long accountId) {
        ReentrantLock lock = lockOf(accountId);
        lock.lock();
        try {
            return CompletableFuture.completedFuture(run(accountId));
        } finally {
            lock.unlock();
        }
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

    private ReentrantLock lockOf(long accountId) {
        return locks.computeIfAbsent(accountId, id -> new ReentrantLock());
    }

    private RefreshResult run(long accountId) {
        RefreshResult result = remember(refresh.refresh(accountId, Optional.empty()));
        LOG.info(() -> "Busy time of account " + accountId + ": " + result.usersRefreshed() + " users refreshed, "
                + result.usersFailed() + " failed, " + result.requestsSent() + " requests in " + result.took().toMillis()
                + " ms" + result.stoppedBecause().map(s -> "; stopped: " + s).orElse(""));
        return result;
    }
}
