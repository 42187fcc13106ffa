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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.corpconnect.connection.Connections;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps every connected account's busy time fresh, on one instance or on several sharing a database:
 * each account's schedule and the claim on its refresh are in the database ({@link RefreshClaims}), and
 * every instance looks for due refreshes with a short non-persistent timer of its own, claiming each
 * before it runs it. So a due refresh runs once in all, two refreshes of an account never overlap
 * anywhere, and a refresh claimed by an instance that died is taken over by another once its lease
 * lapses, whatever Payara's timer store does (it binds a persistent timer to the instance that made it).
 * "Refresh now" during one runs right after it, on the instance asked; a due time during one is served
 * by it.
 *
 * <p>Nothing here waits for a refresh: the timer and "refresh now" hand it to the shared executor and
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
    private static final int RECENT_RUNS = 10;
    /** How long the refreshes' record is kept: the sync page shows the last few. */
    private static final Duration RUNS_KEPT = Duration.ofDays(2);

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
    private RefreshClaims claims;

    /** Decimals allowed (0.25 is 15 s, for tests); at least 0.1. */
    @Inject
    @ConfigProperty(name = "sync.interval-minutes", defaultValue = "15")
    double intervalMinutes;

    /** How long a claim on a refresh lasts unless its instance renews it: how soon a dead instance's refresh is taken over. */
    @Inject
    @ConfigProperty(name = "sync.claim-lease-seconds", defaultValue = "60")
    long leaseSeconds;

    /** This instance among those sharing the database: its Payara instance name, and this start of it. */
    private final String holder = System.getProperty("com.sun.aas.instanceName", "server") + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private final Map<Long, RefreshSlot> slots = new ConcurrentHashMap<>();
    /** The resumption waiting for each account's back-off to end, if any. */
    private final Map<Long, ScheduledFuture<?>> resumptions = new ConcurrentHashMap<>();

    @PostConstruct
    void scheduleEveryConnectedAccount() {
        Instant firstDue = Instant.now().plus(interval());
        connections.all().forEach(connection -> claims.schedule(connection.account().id(), firstDue));
        long check = checkPeriod().toMillis();
        timers.createIntervalTimer(check, check, new TimerConfig(null, false));
        LOG.info(() -> "Busy-time refreshes every " + interval() + " as " + holder + ", looking for due ones every "
                + checkPeriod() + ", claims lasting " + lease());
    }

    /**
     * A renewed connection (new account, new credential): its schedule, and a refresh of every user at
     * once. Asynchronous, because it is called when the renewing transaction has just completed.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void renewed(long accountId) {
        schedule(accountId);
        request(accountId, Optional.empty());
    }

    /** Makes sure the account has its schedule; idempotent. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void schedule(long accountId) {
        claims.schedule(accountId, Instant.now().plus(interval()));
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void unschedule(long accountId) {
        claims.unschedule(accountId);
    }

    /** When the account's next scheduled refresh is due; empty when it has no schedule. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Instant> nextRefresh(long accountId) {
        return claims.nextDue(accountId);
    }

    /** Whether a refresh of the account is running now, on any instance. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean refreshing(long accountId) {
        return slotOf(accountId).isRunning() || claims.claimed(accountId, Instant.now());
    }

    /**
     * Claims the refreshes that are due and free, and runs each. One this instance cannot start now
     * (its own "refresh now" of the account waits for the claim) is let go, still due, for that one to
     * take. A persistent timer is an account's timer of an earlier version: the schedule replaced it.
     */
    @Timeout
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer(Timer timer) {
        if (timer.isPersistent()) {
            timer.cancel();
            return;
        }
        for (RefreshClaims.Claim claim : claims.claimDue(holder, Instant.now(), lease())) {
            slotOf(claim.accountId()).claimIfFree().ifPresentOrElse(
                    done -> start(claim.accountId(), Optional.of(claim), Optional.empty(), done),
                    () -> claims.giveUp(claim));
        }
    }

    /**
     * Refreshes the account now; if a refresh is running, right after it (a new credential, a granted
     * delegation: the running one may have started too early to see it). The future ends with it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<RefreshResult> refreshNow(long accountId) {
        return request(accountId, Optional.empty());
    }

    /**
     * Refreshes one user now; if a refresh of the account is running, right after it, together with the
     * other users asked for meanwhile (the whole account if a whole refresh was asked for meanwhile).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<RefreshResult> refreshUserNow(long accountId, long userId) {
        return request(accountId, Optional.of(Set.of(userId)));
    }

    /**
     * Refreshes these users now (a poll's due users), in one refresh; if a refresh of the account is
     * running, right after it, as {@link #refreshUserNow}.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<RefreshResult> refreshUsersNow(long accountId, Set<Long> userIds) {
        return request(accountId, Optional.of(Set.copyOf(userIds)));
    }

    /** The account's last refreshes, newest first, whichever instance ran them. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<RefreshResult> recentRuns(long accountId) {
        return claims.recentRuns(accountId, RECENT_RUNS);
    }

    private CompletableFuture<RefreshResult> request(long accountId, Optional<Set<Long>> onlyUsers) {
        RefreshSlot.Claim claim = slotOf(accountId).claimOrQueue(onlyUsers);
        if (claim.startNow()) {
            start(accountId, Optional.empty(), onlyUsers, claim.future());
        }
        return claim.future();
    }

    /**
     * Runs the refresh that holds the account's slot on the executor: with the database claim taken
     * (the timer's), or after taking it; while another instance holds it, it tries again at each check.
     */
    private void start(long accountId, Optional<RefreshClaims.Claim> claimed, Optional<Set<Long>> onlyUsers,
                       CompletableFuture<RefreshResult> done) {
        Optional<RefreshClaims.Claim> claim = claimed.isPresent() ? claimed
                : claims.claim(accountId, holder, Instant.now(), lease());
        if (claim.isEmpty()) {
            if (claims.nextDue(accountId).isEmpty()) {
                runUnscheduled(accountId, onlyUsers, done);
                return;
            }
            resumer.schedule(() -> start(accountId, Optional.empty(), onlyUsers, done), checkPeriod().toMillis(),
                    TimeUnit.MILLISECONDS);
            return;
        }
        try {
            executor.execute(() -> runInSlot(claim.get(), onlyUsers, done));
        } catch (RejectedExecutionException e) {
            claims.giveUp(claim.get());
            done.completeExceptionally(e);
            slotOf(accountId).finished().ifPresent(next -> start(accountId, Optional.empty(), next.onlyUsers(), next.future()));
        }
    }

    /** An account without a schedule (not connected, or gone) has nothing to claim: the refresh says why it skips. */
    private void runUnscheduled(long accountId, Optional<Set<Long>> onlyUsers, CompletableFuture<RefreshResult> done) {
        try {
            executor.execute(() -> {
                try {
                    done.complete(refresh.refresh(accountId, onlyUsers));
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                } finally {
                    slotOf(accountId).finished().ifPresent(next -> start(accountId, Optional.empty(), next.onlyUsers(), next.future()));
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(e);
            slotOf(accountId).finished().ifPresent(next -> start(accountId, Optional.empty(), next.onlyUsers(), next.future()));
        }
    }

    /** Runs the claimed refresh, renewing the claim meanwhile; then the one queued meanwhile, if any. */
    private void runInSlot(RefreshClaims.Claim claim, Optional<Set<Long>> onlyUsers, CompletableFuture<RefreshResult> done) {
        long accountId = claim.accountId();
        boolean servesDue = claim.due() && onlyUsers.isEmpty();
        long renewEvery = Math.max(1, lease().toMillis() / 3);
        ScheduledFuture<?> renewal = resumer.scheduleAtFixedRate(() -> {
            if (!claims.renew(claim, Instant.now(), lease())) {
                LOG.warning(() -> "The claim on the refresh of account " + accountId + " lapsed and was taken over: this "
                        + "instance was held up for longer than sync.claim-lease-seconds.");
            }
        }, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        try {
            RefreshResult result = refresh.refresh(accountId, onlyUsers);
            claims.recordRun(result, servesDue ? Optional.of(claim.dueAt()) : Optional.empty(), holder, RUNS_KEPT);
            result.resume().ifPresent(this::resumeLater);
            LOG.info(() -> "Busy time of account " + accountId + (servesDue ? " (due " + claim.dueAt() + ")" : "") + ": "
                    + result.usersRefreshed() + " users refreshed, " + result.usersFailed() + " failed, "
                    + result.requestsSent() + " requests in " + result.took().toMillis() + " ms"
                    + result.stoppedBecause().map(s -> "; stopped: " + s).orElse(""));
            done.complete(result);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Busy-time refresh of account " + accountId + " failed", e);
            done.completeExceptionally(e);
        } finally {
            renewal.cancel(false);
            claims.release(claim, servesDue, Instant.now(), interval());
            slotOf(accountId).finished().ifPresent(next -> start(accountId, Optional.empty(), next.onlyUsers(), next.future()));
        }
    }

    private RefreshSlot slotOf(long accountId) {
        return slots.computeIfAbsent(accountId, id -> new RefreshSlot());
    }

    private Duration interval() {
        return Duration.ofMillis(Math.round(Math.max(0.1, intervalMinutes) * 60_000));
    }

    private Duration lease() {
        return Duration.ofSeconds(Math.max(3, leaseSeconds));
    }

    /** How often this instance looks for due refreshes: a due one waits at most a quarter interval, a lapsed claim a third of its lease. */
    private Duration checkPeriod() {
        Duration shorter = List.of(lease().dividedBy(3), interval().dividedBy(4)).stream().min(Duration::compareTo).orElseThrow();
        return shorter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : shorter;
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
