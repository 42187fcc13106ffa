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
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.corpconnect.connection.Connections;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps every connected account's busy time fresh: one persistent, programmatic interval timer per
 * account (it survives restarts, and fires on one instance only in a cluster, where a
 * {@code @Schedule} would fire on each), plus "refresh now". Refreshes of one account never overlap:
 * "refresh now" during one runs right after it; a timer during one skips.
 *
 * <p>Nothing here waits for a refresh: timers and "refresh now" hand it to the shared executor and
 * return. A refresh that stopped for Exchange's back-off is resumed by a one-off timer of the
 * scheduled executor when the back-off ends, so no thread ever sleeps through one.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "MasterKeyRotation"})
@Lock(LockType.READ) // Nothing here blocks: every method only reads or hands work over.
@ManagedExecutorDefinition(name = BusyTimeSync.EXECUTOR, maxAsync = 32)
@ManagedScheduledExecutorDefinition(name = BusyTimeSync.RESUMER, maxAsync = 1)
public class BusyTimeSync {

    static final String EXECUTOR = "java:app/concurrent/exchange-requests";
    static final String RESUMER = "java:app/concurrent/refresh-resumer";
    private static final Logger LOG = Logger.getLogger(BusyTimeSync.class.getName());

    @Resource
    private TimerService timers;

    @Resource(lookup = EXECUTOR)
    private ManagedExecutorService executor;

    @Resource(lookup = RESUMER)
    private ManagedScheduledExecutorService resumer;

    @Inject
    private AccountRefresh refresh;

    @Inject
    private Connections connections;

    @Inject
    @ConfigProperty(name = "sync.interval-minutes", defaultValue = "15")
    long intervalMinutes;

    private static final int RECENT_RUNS = 10;

    private final Map<Long, RefreshSlot> slots = new ConcurrentHashMap<>();
    /** The resumption waiting for each account's back-off to end, if any. */
    private final Map<Long, ScheduledFuture<?>> resumptions = new ConcurrentHashMap<>();
    /** The last refreshes of each account, newest first, for the sync page (kept in memory only). */
    private final Map<Long, Deque<RefreshResult>> recentRuns = new ConcurrentHashMap<>();

    @PostConstruct
    void scheduleEveryConnectedAccount() {
        connections.all().forEach(connection -> schedule(connection.account().id()));
    }

    /**
     * A renewed connection (new account, new credential): its timer, and a refresh of every user at
     * once. Asynchronous, because it is called when the renewing transaction has just completed, where
     * the timer service cannot be used on that thread.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void renewed(long accountId) {
        schedule(accountId);
        request(accountId, Optional.empty());
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

    /** Whether a refresh of the account is running now. */
    public boolean refreshing(long accountId) {
        return slotOf(accountId).isRunning();
    }

    private Optional<Timer> timerOf(long accountId) {
        return timers.getTimers().stream().filter(t -> Long.valueOf(accountId).equals(t.getInfo())).findFirst();
    }

    /**
     * A timer that fires while the account is being refreshed skips: that refresh is as fresh. It
     * only hands the refresh over, so whatever the container holds while it delivers a timeout (the
     * singleton's lock among them: READ is said on the method too) is held for moments, never for as
     * long as Exchange takes.
     */
    @Timeout
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer(Timer timer) {
        long accountId = (Long) timer.getInfo();
        slotOf(accountId).claimIfFree().ifPresent(done -> start(accountId, Optional.empty(), done));
    }

    /**
     * Refreshes the account now; if a refresh is running, right after it (a new credential, a granted
     * delegation: the running one may have started too early to see it). The future ends with it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<RefreshResult> refreshNow(long accountId) {
        return request(accountId, Optional.empty());
    }

    /** Refreshes one user now; if a refresh is running, the whole account right after it. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<RefreshResult> refreshUserNow(long accountId, long userId) {
        return request(accountId, Optional.of(Set.of(userId)));
    }

    public List<RefreshResult> recentRuns(long accountId) {
        return List.copyOf(recentRuns.getOrDefault(accountId, new ArrayDeque<>()));
    }

    private CompletableFuture<RefreshResult> request(long accountId, Optional<Set<Long>> onlyUsers) {
        RefreshSlot.Claim claim = slotOf(accountId).claimOrQueue();
        if (claim.startNow()) {
            start(accountId, onlyUsers, claim.future());
        }
        return claim.future();
    }

    private void start(long accountId, Optional<Set<Long>> onlyUsers, CompletableFuture<RefreshResult> done) {
        try {
            executor.execute(() -> runInSlot(accountId, onlyUsers, done));
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(e);
            slotOf(accountId).finished().ifPresent(next -> start(accountId, Optional.empty(), next));
        }
    }

    /** Runs the refresh that holds the account's slot, then the one queued meanwhile, if any. */
    private void runInSlot(long accountId, Optional<Set<Long>> onlyUsers, CompletableFuture<RefreshResult> done) {
        Optional<Set<Long>> users = onlyUsers;
        for (CompletableFuture<RefreshResult> current = done; current != null;
             current = slotOf(accountId).finished().orElse(null), users = Optional.empty()) {
            try {
                current.complete(run(accountId, users));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Busy-time refresh of account " + accountId + " failed", e);
                current.completeExceptionally(e);
            }
        }
    }

    private RefreshResult remember(RefreshResult result) {
        Deque<RefreshResult> runs = recentRuns.computeIfAbsent(result.accountId(), id -> new ConcurrentLinkedDeque<>());
        runs.addFirst(result);
        while (runs.size() > RECENT_RUNS) {
            runs.pollLast();
        }
        return result;
    }

    private RefreshSlot slotOf(long accountId) {
        return slots.computeIfAbsent(accountId, id -> new RefreshSlot());
    }

    private RefreshResult run(long accountId, Optional<Set<Long>> onlyUsers) {
        RefreshResult result = remember(refresh.refresh(accountId, onlyUsers));
        result.resume().ifPresent(this::resumeLater);
        LOG.info(() -> "Busy time of account " + accountId + ": " + result.usersRefreshed() + " users refreshed, "
                + result.usersFailed() + " failed, " + result.requestsSent() + " requests in " + result.took().toMillis()
                + " ms" + result.stoppedBecause().map(s -> "; stopped: " + s).orElse(""));
        return result;
    }

    /** The refresh goes on with the users it had not read when Exchange's back-off ends; one waits per account. */
    private void resumeLater(ResumeRefresh resume) {
        long delay = Math.max(0, Duration.between(Instant.now(), resume.at()).toMillis());
        ScheduledFuture<?> later = resumer.schedule(() -> request(resume.accountId(), Optional.of(resume.userIds())),
                delay, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> earlier = resumptions.put(resume.accountId(), later);
        if (earlier != null) {
            earlier.cancel(false);
        }
    }
}
