package org.corpconnect.busytime;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.WorkingWeek;
import org.corpconnect.connection.AccountConnections;
import org.corpconnect.connection.AccountExchange;
import org.corpconnect.connection.ConnectionPaused;
import org.corpconnect.connection.ConnectionStatus;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.NotConnected;
import org.corpconnect.delegation.DelegationStatuses.Checked;
import org.corpconnect.delegation.DelegationStatuses;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeThrottled;
import org.corpconnect.exchange.ExchangeUnreachable;
import org.corpconnect.exchange.MailboxBusyTime;
import org.corpconnect.exchange.MailboxProblem;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.CalendarAccessStatus;
import org.corpconnect.users.Users;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One refresh of an account's busy time: the plan's requests, the first one alone (so a rejected
 * credential is sent exactly once), the rest by at most {@code sync.concurrency} threads of the
 * shared executor, this one included; each group of users is stored as soon as its windows are read,
 * and its users' access checks that are due start then, beside the requests still to come, in at most
 * {@code sync.access-check-concurrency} more ({@link AccessCheckLane}).
 *
 * <p>Nothing here ever waits for Exchange's back-off: a throttled or unreachable Exchange stops the
 * refresh, which says when and for whom to resume (the caller sets a timer), so that one account's
 * throttling never holds a thread that another account's refresh needs. A refresh stops, too, when
 * it has taken {@code sync.max-refresh-minutes}.
 */
@ApplicationScoped
public class AccountRefresh {

    private static final Logger LOG = Logger.getLogger(AccountRefresh.class.getName());
    /** A back-off longer than this is Exchange's mistake (or a hostile server's); the interval timer still comes. */
    private static final Duration LONGEST_BACK_OFF = Duration.ofHours(1);

    @Inject
    private AccountConnections connections;

    @Inject
    private Connections connectionRecords;

    @Inject
    private Users users;

    @Inject
    private BusyTimeStore store;

    @Inject
    private DelegationStatuses delegation;

    @Inject
    private ExchangeBackOffs backOffs;

    /** Who follows the users' calendars beyond busy time (a booking's own items): told once their busy time is in. */
    @Inject
    private Event<BusyTimeRead> busyTimeRead;

    @Resource(lookup = BusyTimeSync.EXECUTOR)
    private ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "sync.horizon-days", defaultValue = "56")
    int horizonDays;

    /** Threads (so requests in flight) per account; Exchange allows 27 per account (EWSMaxConcurrency), shared with others. */
    @Inject
    @ConfigProperty(name = "sync.concurrency", defaultValue = "4")
    int concurrency;

    /**
     * Access checks in flight per account beside the refresh's free/busy requests: with {@code sync.concurrency},
     * a refresh's share of Exchange's 27; bookings and the account's other requests keep the rest.
     */
    @Inject
    @ConfigProperty(name = "sync.access-check-concurrency", defaultValue = "4")
    int accessCheckConcurrency;

    /**
     * Stores of a group's busy time in flight on this instance, every account's refreshes together. A store is one
     * transaction of up to 100 users' intervals, held as entities until it commits; the database writes them one
     * after another on H2, so more stores at once only hold more memory (ScaleBench: 32 of them, one per refresh
     * thread, filled the heap).
     */
    @Inject
    @ConfigProperty(name = "sync.store-concurrency", defaultValue = "4")
    int storeConcurrency;

    private Semaphore storeSlots;

    /** Back-offs in a row after which the refresh gives up until the account's next scheduled one. */
    @Inject
    @ConfigProperty(name = "sync.max-retries", defaultValue = "5")
    int maxRetries;

    @Inject
    @ConfigProperty(name = "sync.max-refresh-minutes", defaultValue = "10")
    long maxRefreshMinutes;

    @Inject
    @ConfigProperty(name = "delegation.recheck-minutes", defaultValue = "360")
    long recheckMinutes;

    /** The refresh interval (decimals allowed, as in BusyTimeSync): rechecks are spread over one recheck interval's refreshes. */
    @Inject
    @ConfigProperty(name = "sync.interval-minutes", defaultValue = "15")
    double intervalMinutes;

    private final Clock clock = Clock.systemUTC();

    @PostConstruct
    void init() {
        storeSlots = new Semaphore(Math.max(1, storeConcurrency), true);
    }

    /** Refreshes every user of the account, or only those given. */
    public RefreshResult refresh(long accountId, Optional<Set<Long>> onlyUsers) {
        Instant started = clock.instant();
        AccountExchange exchange;
        try {
            exchange = connections.open(accountId);
        } catch (ConnectionPaused | NotConnected e) {
            return RefreshResult.skipped(accountId, started, e.getMessage());
        }
        Optional<Instant> backOff = backOffs.pendingUntil(accountId, exchange.generation(), started);
        if (backOff.isPresent()) {
            return RefreshResult.skipped(accountId, started, "Exchange asked to wait until " + backOff.get() + ".");
        }
        List<BookableUser> accountUsers = users.ofAccount(accountId).stream()
                .filter(u -> onlyUsers.isEmpty() || onlyUsers.get().contains(u.id()))
                .toList();
        Run run = new Run(exchange, accountUsers, SyncPlan.of(
                accountUsers.stream().map(BookableUser::address).toList(), started, horizonDays),
                started.plus(Duration.ofMinutes(Math.max(1, maxRefreshMinutes))));

        dueForAccessCheck(accountUsers, started).forEach(u -> run.dueChecks.put(u.address(), u));
        Queue<SyncPlan.Request> requests = new ConcurrentLinkedQueue<>(run.plan.requests());
        SyncPlan.Request first = requests.poll();
        if (first != null) {
            run.read(first);
        }
        inParallel(requests, run::read, run);
        try {
            run.checks.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop("interrupted");
        }

        Instant finished = clock.instant();
        run.store(finished);
        if (run.stopped.get() == null) {
            backOffs.clear(accountId, exchange.generation());
            if (run.everyoneFailed()) {
                // Exchange answered, but with nothing usable for anyone (e.g. a page that is not EWS).
                connectionRecords.recordTrouble(accountId, exchange.generation(), ConnectionStatus.FAILING,
                        "No user's busy time could be read: " + run.failures.values().iterator().next());
            } else {
                connectionRecords.recordSuccess(accountId, exchange.generation());
            }
        }
        RefreshResult result = new RefreshResult(accountId, started, Duration.between(started, finished),
                run.requestsSent.get(), run.refreshedUsers(), run.failures.size(), run.accessChecks.get(),
                Optional.ofNullable(run.stopped.get()), Optional.ofNullable(run.resume.get()));
        LOG.fine(() -> "Busy-time refresh: " + result);
        return result;
    }

    /**
     * The access checks of this refresh: every user with a problem or never checked, and of those whose
     * last check is older than {@code delegation.recheck-minutes}, the longest unchecked first, at most
     * twice their even share of a refresh (N x {@code sync.interval-minutes} / recheck, rounded up). So
     * the rechecks of users first checked together drift apart instead of all falling due in one refresh:
     * a large account meets about its share in each, and one left out is first in line at the next.
     */
    private List<BookableUser> dueForAccessCheck(List<BookableUser> accountUsers, Instant now) {
        Instant staleBefore = now.minus(Duration.ofMinutes(recheckMinutes));
        List<BookableUser> due = new ArrayList<>(accountUsers.stream()
                .filter(u -> u.accessStatus() != CalendarAccessStatus.OK || u.accessCheckedAt().isEmpty())
                .toList());
        List<BookableUser> rechecks = accountUsers.stream()
                .filter(u -> u.accessStatus() == CalendarAccessStatus.OK && u.accessCheckedAt().isPresent())
                .filter(u -> !u.accessCheckedAt().get().isAfter(staleBefore))
                .sorted(Comparator.comparing(u -> u.accessCheckedAt().get()))
                .toList();
        due.addAll(rechecks.subList(0, (int) Math.min(rechecks.size(), recheckShare(accountUsers.size()))));
        return due;
    }

    /** Twice the even share of rechecks per refresh; every due one when rechecks are due at every refresh. */
    private long recheckShare(int users) {
        if (recheckMinutes <= intervalMinutes) {
            return users;
        }
        return 2 * (long) Math.ceil(users * Math.max(0.1, intervalMinutes) / recheckMinutes);
    }

    /**
     * Works through the queue on this thread and at most {@code concurrency - 1} helpers of the
     * shared executor. This thread works too and waits only for the items a helper took, never for
     * a helper to start: a full pool slows a refresh down but cannot stall it.
     */
    private <T> void inParallel(Queue<T> queue, Consumer<T> work, Run run) {
        CountDownLatch done = new CountDownLatch(queue.size());
        Runnable worker = () -> {
            for (T item = queue.poll(); item != null; item = queue.poll()) {
                try {
                    work.accept(item);
                } finally {
                    done.countDown();
                }
            }
        };
        int helpers = Math.min(Math.max(1, concurrency), queue.size()) - 1;
        try {
            for (int i = 0; i < helpers; i++) {
                executor.execute(worker);
            }
        } catch (RejectedExecutionException fullPool) {
            LOG.fine("The executor took fewer helpers than asked; the refresh goes on with those it has.");
        }
        worker.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop("interrupted");
        }
    }

    /** The state of one refresh, shared by its workers. */
    private final class Run {

        final AccountExchange exchange;
        final SyncPlan plan;
        final Instant deadline;
        final Map<MailboxAddress, Long> userIds = new HashMap<>();
        final int windowsPerUser;
        final Map<Long, List<BusyInterval>> intervals = new ConcurrentHashMap<>();
        final Map<Long, AtomicInteger> windowsRead = new ConcurrentHashMap<>();
        final Map<Long, WorkingWeek> workingWeeks = new ConcurrentHashMap<>();
        final Map<Long, String> failures = new ConcurrentHashMap<>();
        final Map<Long, Checked> checked = new ConcurrentHashMap<>();
        final Set<Long> stored = ConcurrentHashMap.newKeySet();
        final AtomicInteger requestsSent = new AtomicInteger();
        final AtomicInteger accessChecks = new AtomicInteger();
        final AtomicReference<String> stopped = new AtomicReference<>();
        final AtomicReference<ResumeRefresh> resume = new AtomicReference<>();
        final Map<List<MailboxAddress>, AtomicInteger> windowsLeft = new ConcurrentHashMap<>();
        final Set<Instant> seams;
        /** The users whose access check is due in this refresh, by address: each checked once its group is read. */
        final Map<MailboxAddress, BookableUser> dueChecks = new ConcurrentHashMap<>();
        final AccessCheckLane<BookableUser> checks = new AccessCheckLane<>(this::check, executor, Math.max(1, accessCheckConcurrency));

        Run(AccountExchange exchange, List<BookableUser> accountUsers, SyncPlan plan, Instant deadline) {
            this.exchange = exchange;
            this.plan = plan;
            this.deadline = deadline;
            accountUsers.forEach(u -> userIds.put(u.address(), u.id()));
            long requestsPerGroup = plan.requests().stream().map(SyncPlan.Request::mailboxes).distinct().count();
            this.windowsPerUser = requestsPerGroup == 0 ? 0 : plan.requests().size() / (int) requestsPerGroup;
            plan.requests().forEach(r -> windowsLeft.computeIfAbsent(r.mailboxes(), g -> new AtomicInteger()).incrementAndGet());
            this.seams = plan.requests().stream().map(r -> r.window().start()).collect(Collectors.toSet());
        }

        /** Reads one request; the last window of a group stores that group at once, while others still read. */
        void read(SyncPlan.Request request) {
            if (!goesOn()) {
                return;
            }
            fetch(request);
            if (stopped.get() == null && windowsLeft.get(request.mailboxes()).decrementAndGet() == 0) {
                storeGroup(request.mailboxes(), clock.instant());
                // A user whose read answered why it cannot be read is checked by that answer already.
                checks.offer(request.mailboxes().stream().map(dueChecks::get).filter(Objects::nonNull)
                        .filter(u -> !checked.containsKey(u.id())).toList());
            }
        }

        /** Whether the refresh may send another request: not stopped, and within its time cap. */
        private boolean goesOn() {
            if (stopped.get() == null && clock.instant().isAfter(deadline)) {
                String reason = "The refresh took longer than " + maxRefreshMinutes
                        + " minutes (sync.max-refresh-minutes); the rest at the next one.";
                if (stop(reason)) {
                    unfinished().forEach(id -> failures.putIfAbsent(id, reason));
                    connectionRecords.recordTrouble(exchange.accountId(), exchange.generation(),
                            ConnectionStatus.UNREACHABLE, "Exchange answers too slowly: " + reason);
                }
            }
            return stopped.get() == null;
        }

        boolean stop(String reason) {
            return stopped.compareAndSet(null, reason);
        }

        private void fetch(SyncPlan.Request request) {
            try {
                requestsSent.incrementAndGet();
                exchange.busyTimes(request.mailboxes(), request.window()).forEach(this::record);
            } catch (CredentialRejected | ConnectionPaused e) {
                stop(e.getMessage());
            } catch (ExchangeThrottled e) {
                backOff(ConnectionStatus.THROTTLED, e, e.backOff());
            } catch (ExchangeUnreachable e) {
                backOff(ConnectionStatus.UNREACHABLE, e,
                        Duration.ofSeconds(1L << Math.min(backOffs.inARow(exchange.accountId(), exchange.generation()), 6)));
            } catch (ExchangeException e) {
                failAll(request, e.getMessage());
            }
        }

        /**
         * Stops the refresh instead of waiting: the first worker to meet the back-off records it and
         * names the users still to read, for a timer to resume with when it ends; after
         * {@code sync.max-retries} back-offs in a row, those users are failed until the next scheduled refresh.
         */
        private void backOff(ConnectionStatus status, ExchangeException cause, Duration wait) {
            Duration pause = wait.compareTo(LONGEST_BACK_OFF) > 0 ? LONGEST_BACK_OFF
                    : wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
            Instant until = clock.instant().plus(pause);
            if (!stop(cause.getMessage() + " Resumes at " + until + ".")) {
                return;
            }
            int inARow = backOffs.record(exchange.accountId(), exchange.generation(), until);
            connectionRecords.recordTrouble(exchange.accountId(), exchange.generation(), status, cause.getMessage());
            if (inARow > maxRetries) {
                stopped.set(cause.getMessage() + " Gave up after " + maxRetries + " back-offs in a row, until the next scheduled refresh.");
                unfinished().forEach(id -> failures.putIfAbsent(id, cause.getMessage()));
                return;
            }
            Set<Long> rest = unfinished();
            if (!rest.isEmpty()) {
                resume.set(new ResumeRefresh(exchange.accountId(), until, rest));
            }
        }

        /** The users neither stored nor failed yet. */
        private Set<Long> unfinished() {
            return userIds.values().stream().filter(id -> !stored.contains(id) && !failures.containsKey(id))
                    .collect(Collectors.toSet());
        }

        private void record(MailboxAddress mailbox, MailboxBusyTime busyTime) {
            Long userId = userIds.get(mailbox);
            if (userId == null) {
                return;
            }
            if (busyTime instanceof MailboxBusyTime.Known known) {
                intervals.computeIfAbsent(userId, id -> new ArrayList<>());
                intervals.computeIfPresent(userId, (id, list) -> {
                    list.addAll(known.intervals());
                    return list;
                });
                windowsRead.computeIfAbsent(userId, id -> new AtomicInteger()).incrementAndGet();
                known.workingWeek().ifPresent(week -> workingWeeks.put(userId, week));
            } else if (busyTime instanceof MailboxBusyTime.Unavailable unavailable) {
                failures.put(userId, unavailable.detail() == null ? unavailable.problem().name() : unavailable.detail());
                checked.put(userId, DelegationStatuses.statusOf(unavailable.problem(), unavailable.detail()));
            }
        }

        private void failAll(SyncPlan.Request request, String error) {
            request.mailboxes().stream().map(userIds::get).filter(Objects::nonNull)
                    .forEach(id -> failures.put(id, error));
        }

        void check(BookableUser user) {
            if (!goesOn()) {
                return;
            }
            try {
                accessChecks.incrementAndGet();
                // Only whether it was readable matters to the probe, not the intervals themselves.
                MailboxBusyTime freeBusy = complete(user.id())
                        ? new MailboxBusyTime.Known(List.of())
                        : new MailboxBusyTime.Unavailable(MailboxProblem.OTHER,
                                failures.getOrDefault(user.id(), "not read in this refresh"));
                checked.put(user.id(), DelegationStatuses.statusOf(exchange.probe(user.address(), freeBusy)));
            } catch (CredentialRejected | ConnectionPaused e) {
                stop(e.getMessage());
            } catch (ExchangeThrottled e) {
                // The checks left stay due, for the next refresh after the back-off.
                backOff(ConnectionStatus.THROTTLED, e, e.backOff());
            } catch (ExchangeException e) {
                // Unreachable now: the check stays due and runs at the next refresh.
                LOG.fine(() -> "Access check of " + user + " postponed: " + e.getMessage());
            }
        }

        int refreshedUsers() {
            return stored.size();
        }

        /** Every user read was a failure: Exchange answers, but nothing usable. */
        boolean everyoneFailed() {
            return stored.isEmpty() && !failures.isEmpty();
        }

        private boolean complete(Long userId) {
            return !failures.containsKey(userId)
                    && windowsRead.getOrDefault(userId, new AtomicInteger()).get() == windowsPerUser;
        }

        /** Stores the group's complete users (at most 100: one request's worth) in one transaction. */
        private void storeGroup(List<MailboxAddress> group, Instant at) {
            Map<Long, List<BusyInterval>> chunk = new HashMap<>();
            group.stream().map(userIds::get).filter(Objects::nonNull).filter(this::complete)
                    .forEach(id -> chunk.put(id, WindowSeams.join(intervals.get(id), seams)));
            // Every window of the group is read: its intervals are in the chunk or not wanted. Dropped here, so
            // that a refresh holds only its groups in flight, not its whole account (100 accounts refreshing at
            // once held every one of their users' intervals until their ends: ScaleBench, bench/README.md).
            group.stream().map(userIds::get).filter(Objects::nonNull).forEach(intervals::remove);
            try {
                storeSlots.acquire(); // before the transaction: a store waiting for its turn holds no connection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop("interrupted");
                return;
            }
            try {
                store.replace(chunk, workingWeeks, at);
            } finally {
                storeSlots.release();
            }
            stored.addAll(chunk.keySet());
            if (!chunk.isEmpty()) {
                // On this worker, while the others read on: the followers' own requests run side by side too.
                busyTimeRead.fire(new BusyTimeRead(exchange.accountId(), chunk.keySet()));
            }
        }

        /** What is left once every request was read: failures and access checks. */
        void store(Instant at) {
            if (!failures.isEmpty()) {
                store.refreshFailed(failures, at);
            }
            if (!checked.isEmpty()) {
                delegation.record(checked, at);
            }
        }
    }
}
