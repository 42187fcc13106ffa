package org.corpconnect.busytime;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * credential is sent exactly once), the rest by a bounded number of workers under Exchange's
 * throttling budget, honouring its back-off within a bounded number of retries; then the access
 * checks that are due; then each user's intervals replaced in one transaction.
 */
@ApplicationScoped
public class AccountRefresh {

    private static final Logger LOG = Logger.getLogger(AccountRefresh.class.getName());
    private static final Duration LONGEST_BACK_OFF = Duration.ofMinutes(5);

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

    @Resource(lookup = BusyTimeSync.EXECUTOR)
    private ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "sync.horizon-days", defaultValue = "56")
    int horizonDays;

    /** Requests in flight per account; Exchange allows 27 per account (EWSMaxConcurrency), shared with others. */
    @Inject
    @ConfigProperty(name = "sync.concurrency", defaultValue = "4")
    int concurrency;

    @Inject
    @ConfigProperty(name = "sync.max-retries", defaultValue = "5")
    int maxRetries;

    @Inject
    @ConfigProperty(name = "delegation.recheck-minutes", defaultValue = "360")
    long recheckMinutes;

    private final Clock clock = Clock.systemUTC();

    public RefreshResult refresh(long accountId, Optional<Long> onlyUser) {
        Instant started = clock.instant();
        AccountExchange exchange;
        try {
            exchange = connections.open(accountId);
        } catch (ConnectionPaused | NotConnected e) {
            return RefreshResult.skipped(accountId, started, e.getMessage());
        }
        List<BookableUser> accountUsers = users.ofAccount(accountId).stream()
                .filter(u -> onlyUser.isEmpty() || onlyUser.get().equals(u.id()))
                .toList();
        Run run = new Run(exchange, accountUsers, SyncPlan.of(
                accountUsers.stream().map(BookableUser::address).toList(), started, horizonDays));

        Queue<SyncPlan.Request> requests = new ConcurrentLinkedQueue<>(run.plan.requests());
        SyncPlan.Request first = requests.poll();
        if (first != null) {
            run.read(first);
        }
        inParallel(requests, run::read);
        inParallel(new ConcurrentLinkedQueue<>(dueForAccessCheck(accountUsers, run, started)), run::check);

        Instant finished = clock.instant();
        run.store(finished);
        if (run.stopped.get() == null) {
            connectionRecords.recordSuccess(accountId, exchange.generation());
        }
        RefreshResult result = new RefreshResult(accountId, started, Duration.between(started, finished),
                run.requestsSent.get(), run.refreshedUsers(), run.failures.size(), run.accessChecks.get(),
                Optional.ofNullable(run.stopped.get()));
        LOG.fine(() -> "Busy-time refresh: " + result);
        return result;
    }

    private List<BookableUser> dueForAccessCheck(List<BookableUser> accountUsers, Run run, Instant now) {
        if (run.stopped.get() != null) {
            return List.of();
        }
        Instant staleBefore = now.minus(Duration.ofMinutes(recheckMinutes));
        return accountUsers.stream()
                .filter(u -> !run.checked.containsKey(u.id()))
                .filter(u -> u.accessStatus() != CalendarAccessStatus.OK
                        || u.accessCheckedAt().map(at -> !at.isAfter(staleBefore)).orElse(true))
                .toList();
    }

    /** Runs the queue's items on at most {@code concurrency} managed threads and waits for them. */
    private <T> void inParallel(Queue<T> queue, Consumer<T> work) {
        int workers = Math.min(Math.max(1, concurrency), queue.size());
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            running.add(executor.runAsync(() -> {
                for (T item = queue.poll(); item != null; item = queue.poll()) {
                    work.accept(item);
                }
            }));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    }

    /** The state of one refresh, shared by its workers. */
    private final class Run {

        final AccountExchange exchange;
        final SyncPlan plan;
        final Map<MailboxAddress, Long> userIds = new HashMap<>();
        final int windowsPerUser;
        final Map<Long, List<BusyInterval>> intervals = new ConcurrentHashMap<>();
        final Map<Long, AtomicInteger> windowsRead = new ConcurrentHashMap<>();
        final Map<Long, WorkingWeek> workingWeeks = new ConcurrentHashMap<>();
        final Map<Long, String> failures = new ConcurrentHashMap<>();
        final Map<Long, Checked> checked = new ConcurrentHashMap<>();
        final AtomicInteger requestsSent = new AtomicInteger();
        final AtomicInteger accessChecks = new AtomicInteger();
        final AtomicReference<String> stopped = new AtomicReference<>();
        final Map<List<MailboxAddress>, AtomicInteger> windowsLeft = new ConcurrentHashMap<>();
        final Set<Instant> seams;

        Run(AccountExchange exchange, List<BookableUser> accountUsers, SyncPlan plan) {
            this.exchange = exchange;
            this.plan = plan;
            accountUsers.forEach(u -> userIds.put(u.address(), u.id()));
            long requestsPerGroup = plan.requests().stream().map(SyncPlan.Request::mailboxes).distinct().count();
            this.windowsPerUser = requestsPerGroup == 0 ? 0 : plan.requests().size() / (int) requestsPerGroup;
            plan.requests().forEach(r -> windowsLeft.computeIfAbsent(r.mailboxes(), g -> new AtomicInteger()).incrementAndGet());
            this.seams = plan.requests().stream().map(r -> r.window().start()).collect(Collectors.toSet());
        }

        /** Reads one request; the last window of a group stores that group at once, while others still read. */
        void read(SyncPlan.Request request) {
            fetch(request);
            if (stopped.get() == null && windowsLeft.get(request.mailboxes()).decrementAndGet() == 0) {
                storeGroup(request.mailboxes(), clock.instant());
            }
        }

        private void fetch(SyncPlan.Request request) {
            for (int attempt = 0; stopped.get() == null; attempt++) {
                try {
                    requestsSent.incrementAndGet();
                    exchange.busyTimes(request.mailboxes(), request.window()).forEach(this::record);
                    return;
                } catch (CredentialRejected | ConnectionPaused e) {
                    stopped.compareAndSet(null, e.getMessage());
                    return;
                } catch (ExchangeThrottled e) {
                    if (!retry(attempt, ConnectionStatus.THROTTLED, e, e.backOff())) {
                        failAll(request, "Exchange kept throttling the dedicated mailbox; retried " + maxRetries + " times.");
                        return;
                    }
                } catch (ExchangeUnreachable e) {
                    if (!retry(attempt, ConnectionStatus.UNREACHABLE, e, Duration.ofSeconds(1L << Math.min(attempt, 5)))) {
                        failAll(request, e.getMessage());
                        return;
                    }
                } catch (ExchangeException e) {
                    failAll(request, e.getMessage());
                    return;
                }
            }
        }

        private boolean retry(int attempt, ConnectionStatus status, ExchangeException cause, Duration wait) {
            if (attempt >= maxRetries) {
                return false;
            }
            connectionRecords.recordTrouble(exchange.accountId(), exchange.generation(), status, cause.getMessage());
            Duration pause = wait.compareTo(LONGEST_BACK_OFF) > 0 ? LONGEST_BACK_OFF : wait;
            try {
                Thread.sleep(Math.max(1, pause.toMillis()));
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped.compareAndSet(null, "interrupted");
                return false;
            }
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
            if (stopped.get() != null) {
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
                stopped.compareAndSet(null, e.getMessage());
            } catch (ExchangeException e) {
                // Throttled or unreachable now: the check stays due and runs at the next refresh.
                LOG.fine(() -> "Access check of " + user + " postponed: " + e.getMessage());
            }
        }

        int refreshedUsers() {
            return (int) intervals.keySet().stream().filter(this::complete).count();
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
            store.replace(chunk, workingWeeks, at);
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
