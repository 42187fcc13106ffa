package org.corpconnect.it.bench;

import static org.corpconnect.it.bench.ServerMeasures.config;
import static org.corpconnect.it.bench.ServerMeasures.databaseBytes;
import static org.corpconnect.it.bench.ServerMeasures.heapAfterGc;
import static org.corpconnect.it.bench.ServerMeasures.latency;
import static org.corpconnect.it.bench.ServerMeasures.mb;
import static org.corpconnect.it.bench.ServerMeasures.millisSince;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.corpconnect.apikey.ApiKeys;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.it.Deployments;
import org.corpconnect.it.Server;
import org.corpconnect.it.ServerTest;
import org.corpconnect.it.SimulatorControl;
import org.corpconnect.it.TestAccounts;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * 100 accounts of 1,000 users each on the one test server, against the simulator's generated mailboxes
 * at Exchange's latency: their first refreshes; then every account due at the same moment (the worst
 * case of a schedule, as after a restart), each with the access checks a normal refresh has, and how
 * long until the last is done against the refresh interval; the heap after a full GC; and the
 * availability API of one of the accounts against the trivial endpoint with all of them loaded. Inside
 * the server, so the load generator runs in the server's process here (its CPU counts in the server's).
 *
 * <p>Only with {@code BENCH_SCALE=1} ({@code BENCH_SCALE=1 bench/run.sh}; the variable reaches the server
 * too): on the embedded H2 and Payara's default 512 MB heap its first refreshes filled the heap and H2's
 * store then failed, leaving the domain's database unreadable (bench/README.md, Scale), which no default
 * run may do to the integration tests' shared domain. {@code BENCH_SCALE_ACCOUNTS} sets fewer accounts for
 * a run while developing the bench.
 *
 * <p>Phases in order, sharing the run in static fields (the class stays loaded in the deployment between
 * them), unlike a test: each test method is one HTTP request of Arquillian's servlet protocol, and Payara
 * interrupts the thread serving a request after its {@code request-timeout-seconds} (900 by default: Grizzly's
 * thread-pool "transaction timeout"), which ended the one-method version of this bench while it waited. So
 * a phase leaves what is left of its wait to the next after {@link #REQUEST_SHARE}, and each long wait gets
 * two phases. The last phase removes the accounts whatever happened before it.
 */
@ServerTest
@EnabledIfEnvironmentVariable(named = "BENCH_SCALE", matches = "1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleBench {

    private static final int DEFAULT_ACCOUNTS = 100;
    private static final int USERS = 1_000;
    private static final int CHUNK = 500;
    /** As {@link BusyTimeSyncBench}: L = 50 ms + 1 ms per mailbox asked for; GetFolder after 50 ms. */
    private static final long BASE_MILLIS = 50;
    private static final long PER_MAILBOX_MILLIS = 1;
    private static final int BUDGET = 27;
    private static final int VIRTUAL_USERS = 8;
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration MEASURED = Duration.ofSeconds(20);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** The longest a phase runs before it leaves the rest of its wait to the next: well within Payara's 15 minutes. */
    private static final Duration REQUEST_SHARE = Duration.ofMinutes(10);

    // The run, from phase to phase.
    private static final List<TestAccount> accounts = new CopyOnWriteArrayList<>();
    private static List<String> addresses;
    private static long heapBefore;
    private static long databaseBefore;
    private static RefreshWait firstRefreshes;
    private static RefreshWait allDue;

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestsInside(ScaleBench.class, BenchFixture.class, ServerMeasures.class, BenchFigures.class,
                SimulatorBudget.class, LoadGenerator.class, LoadGenerator.Result.class, ServerCpu.class);
    }

    @Inject
    TestAccounts fixture;

    @Inject
    BenchFixture bench;

    @Inject
    BusyTimeSync sync;

    @Inject
    ApiKeys apiKeys;

    private final SimulatorControl simulator = SimulatorControl.ofTestRun();

    @Test
    @Order(1)
    void addAccountsAndUsers() throws Exception {
        int count = accountCount();
        simulator.loadGenerated(USERS);
        SimulatorBudget.set(BUDGET, 30_000);
        simulator.clearFaults();
        simulator.addFault(latency("GetUserAvailabilityRequest", BASE_MILLIS, PER_MAILBOX_MILLIS));
        heapBefore = heapAfterGc();
        databaseBefore = databaseBytes();
        addresses = IntStream.rangeClosed(1, USERS).mapToObj(i -> String.format("user%05d@contoso.test", i)).toList();
        long t = System.nanoTime();
        for (int a = 0; a < count; a++) {
            TestAccount account = fixture.create(simulator);
            accounts.add(account);
            for (int i = 0; i < USERS; i += CHUNK) {
                bench.addUsers(account.account(), addresses.subList(i, Math.min(USERS, i + CHUNK)));
            }
        }
        BenchFigures.record("scale.accounts", count, "accounts", "of " + USERS + " users each (BENCH_SCALE_ACCOUNTS, "
                + DEFAULT_ACCOUNTS + " unless set)");
        BenchFigures.record("scale.add_accounts_and_users", millisSince(t), "ms",
                count + " accounts of " + USERS + " users (the simulator's generated mailboxes), " + CHUNK + " per transaction");
        BenchFigures.record("scale.heap_after_gc.users_added", mb(heapAfterGc()), "MB",
                "used heap after System.gc(), the " + users() + " users added, none refreshed yet");
    }

    /** Every account connected at once: every interval new, every access checked. */
    @Test
    @Order(2)
    void connectAndAwaitTheFirstRefreshes() throws Exception {
        assumeTrue(addresses != null && accounts.size() == accountCount(), "the accounts were not all added");
        Instant phaseEnd = Instant.now().plus(REQUEST_SHARE);
        Instant connected = Instant.now();
        accounts.forEach(account -> fixture.connect(account, AccessMode.IMPERSONATION, account.secret()));
        firstRefreshes = new RefreshWait("scale.first_refresh", accountIds(), connected);
        awaitFirstRefreshes(phaseEnd, false);
    }

    @Test
    @Order(3)
    void awaitTheFirstRefreshesFurther() throws Exception {
        assumeTrue(firstRefreshes != null, "the accounts were not connected");
        awaitFirstRefreshes(Instant.now().plus(REQUEST_SHARE), true);
    }

    /** Every account due at one moment, with the share of access checks a refresh meets after a while. */
    @Test
    @Order(4)
    void makeAllDueAndAwaitTheirRefreshes() throws Exception {
        assumeTrue(firstRefreshes != null && firstRefreshes.done(), "the first refreshes did not complete");
        Instant phaseEnd = Instant.now().plus(REQUEST_SHARE);
        Thread.sleep(3000); // The connections' successes are recorded right after the last users.
        List<Long> ids = accountIds();
        // First refreshes that outlast the interval are followed by the scheduled ones due meanwhile: those end
        // first, so that no claim holds a row whose due time changes below, and the due time is each account's only refresh.
        while (ids.stream().anyMatch(sync::refreshing) && Instant.now().isBefore(phaseEnd)) {
            Thread.sleep(2000);
        }
        simulator.addFault(latency("GetFolder", BASE_MILLIS, 0));
        Instant now = Instant.now();
        ids.forEach(id -> bench.spreadAccessChecks(id, now, Duration.ofMinutes(recheckMinutes()), interval()));
        Instant due = Instant.now();
        allDue = new RefreshWait("scale.all_due", ids, due);
        bench.dueAt(ids, due);
        awaitAllDue(phaseEnd, false);
    }

    @Test
    @Order(5)
    void awaitTheAllDueRefreshesFurther() throws Exception {
        assumeTrue(allDue != null, "the accounts were not made due");
        awaitAllDue(Instant.now().plus(REQUEST_SHARE), true);
    }

    @Test
    @Order(6)
    void heapWithAllRefreshed() throws Exception {
        assumeTrue(allDue != null && allDue.done(), "the all-due refreshes did not complete");
        BenchFigures.record("scale.heap_after_gc.before", mb(heapBefore), "MB", "used heap after System.gc(), before the accounts");
        BenchFigures.record("scale.heap_after_gc", mb(heapAfterGc()), "MB", accounts.size() + " accounts of " + USERS
                + " users synced, after System.gc() (max " + mb(Runtime.getRuntime().maxMemory()) + " MB); target at most 300");
    }

    /** Availability of one of the accounts, with all of them loaded, against the trivial endpoint. */
    @Test
    @Order(7)
    void availabilityWithAllLoaded() throws Exception {
        assumeTrue(allDue != null && allDue.done(), "the all-due refreshes did not complete");
        String key = apiKeys.create(accounts.get(0).account(), "scale bench", "bench").token();
        LoadGenerator load = new LoadGenerator(VIRTUAL_USERS);
        LoadGenerator.Result trivial = load.run(() -> HttpRequest.newBuilder(Server.app().resolve("api/about")).GET().build(),
                WARM_UP, MEASURED);
        LoadGenerator.Result free = load.run(() -> availability(key, addresses), WARM_UP, MEASURED);
        LoadGenerator.Result trivialAfter = load.run(() -> HttpRequest.newBuilder(Server.app().resolve("api/about")).GET().build(),
                WARM_UP, MEASURED);
        double trivialPerSecond = (trivial.perSecond() + trivialAfter.perSecond()) / 2;
        String how = VIRTUAL_USERS + " virtual users in the server's own process, " + MEASURED.toSeconds() + " s after "
                + WARM_UP.toSeconds() + " s warm-up; 1-3 random users of the account's " + USERS + ", 1-7 random days within 4 weeks";
        BenchFigures.record("scale.api.trivial.requests_per_second", trivialPerSecond, "req/s", "mean of before and after");
        BenchFigures.record("scale.api.availability.requests_per_second", free.perSecond(), "req/s", how);
        BenchFigures.record("scale.api.availability.throughput_ratio", free.perSecond() / trivialPerSecond, "x",
                "compare with api.availability.throughput_ratio, measured without the " + accounts.size() + " accounts");
        BenchFigures.record("scale.api.availability.p99_ratio", free.percentileMillis(0.99)
                / ((trivial.percentileMillis(0.99) + trivialAfter.percentileMillis(0.99)) / 2), "x", "");
        assertEquals(0, trivial.errors() + free.errors() + trivialAfter.errors(), "every answer 200");
    }

    /** The accounts go again, whatever happened before, so that later runs on this domain never refresh them. */
    @Test
    @Order(8)
    void removeTheAccounts() {
        simulator.clearFaults();
        long t = System.nanoTime();
        for (TestAccount account : accounts) {
            bench.removeAccountData(account.id(), CHUNK);
        }
        BenchFigures.record("scale.clean_up", millisSince(t), "ms", "the accounts' users and busy time deleted");
        accounts.clear();
    }

    private void awaitFirstRefreshes(Instant phaseEnd, boolean lastShare) throws InterruptedException, IOException {
        if (awaitStored(firstRefreshes, phaseEnd, lastShare)) {
            BenchFigures.record("scale.first_refresh.last_done", firstRefreshes.took().toMillis(), "ms", "from connecting all "
                    + accounts.size() + " accounts at once to the last of their " + users() + " users stored (polled every 2 s)");
            BenchFigures.record("scale.h2_file_delta", mb(databaseBytes() - databaseBefore), "MB", "corpconnect.mv.db growth");
        }
    }

    private void awaitAllDue(Instant phaseEnd, boolean lastShare) throws InterruptedException {
        if (awaitStored(allDue, phaseEnd, lastShare)) {
            long lastDone = allDue.took().toMillis();
            BenchFigures.record("scale.all_due.last_done", lastDone, "ms", "all " + accounts.size() + " accounts due at the same"
                    + " moment (nothing changed in the calendars, each with its share of access checks at " + BASE_MILLIS
                    + " ms), until the last user of the last account is stored (polled every 2 s); sync.interval-minutes = "
                    + intervalMinutes());
            BenchFigures.record("scale.all_due.share_of_interval", lastDone / (double) interval().toMillis(), "x",
                    "target: below 1 (every account refreshed within its interval, however its due times fall)");
        }
    }

    /**
     * Waits, until the phase's end at most, until every user of the wait's accounts was stored since it began:
     * true once they all are, and only the first time. If not by the end of the last phase, records how far they
     * got and the heap then, and stops the bench.
     */
    private boolean awaitStored(RefreshWait wait, Instant phaseEnd, boolean lastShare) throws InterruptedException {
        if (wait.done()) {
            return false;
        }
        long done;
        while ((done = bench.refreshedSince(wait.accountIds(), wait.since())) < users()) {
            if (Instant.now().isAfter(phaseEnd)) {
                if (!lastShare) {
                    return false;
                }
                Duration waited = Duration.between(wait.since(), Instant.now());
                BenchFigures.record(wait.figure() + ".users_done_at_timeout", done, "users", "of " + users() + " after " + waited);
                BenchFigures.record(wait.figure() + ".users_per_minute", done / (double) waited.toSeconds() * 60, "users/min", "");
                BenchFigures.record(wait.figure() + ".heap_after_gc_at_timeout", mb(heapAfterGc()), "MB", "");
                throw new AssertionError(done + " of " + users() + " users refreshed within " + waited);
            }
            Thread.sleep(2000);
        }
        wait.finish(Instant.now());
        return true;
    }

    /** BENCH_SCALE_ACCOUNTS, or 100: fewer accounts for a run while developing the bench. */
    private static int accountCount() {
        String value = System.getenv().getOrDefault("BENCH_SCALE_ACCOUNTS", String.valueOf(DEFAULT_ACCOUNTS)).strip();
        if (!value.matches("[1-9][0-9]{0,3}")) {
            throw new IllegalArgumentException("BENCH_SCALE_ACCOUNTS is a number of accounts from 1 to 9999, not \"" + value + "\"");
        }
        return Integer.parseInt(value);
    }

    private static long users() {
        return (long) accounts.size() * USERS;
    }

    private static List<Long> accountIds() {
        return accounts.stream().map(TestAccount::id).toList();
    }

    private static int recheckMinutes() {
        return config("delegation.recheck-minutes", 360);
    }

    private static int intervalMinutes() {
        return config("sync.interval-minutes", 15);
    }

    private static Duration interval() {
        return Duration.ofMinutes(intervalMinutes());
    }

    private static HttpRequest availability(String key, List<String> addresses) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> users = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            users.add(addresses.get(random.nextInt(addresses.size())));
        }
        LocalDate from = LocalDate.now(BERLIN).plusDays(random.nextInt(28));
        LocalDate to = from.plusDays(random.nextInt(7));
        return HttpRequest.newBuilder(Server.app().resolve("api/v1/availability?users=" + String.join(",", users.stream().distinct().toList())
                        + "&from=" + from + "&to=" + to + "&zone=Europe/Berlin&slot=30&notice=0"))
                .header("Authorization", "Bearer " + key).GET().build();
    }

    /** A wait for every user of the accounts to be stored at or after {@code since}, over one phase or two. */
    private static final class RefreshWait {

        private final String figure;
        private final List<Long> accountIds;
        private final Instant since;
        private volatile Instant doneAt;

        RefreshWait(String figure, List<Long> accountIds, Instant since) {
            this.figure = figure;
            this.accountIds = List.copyOf(accountIds);
            this.since = since;
        }

        String figure() {
            return figure;
        }

        List<Long> accountIds() {
            return accountIds;
        }

        Instant since() {
            return since;
        }

        void finish(Instant at) {
            doneAt = at;
        }

        boolean done() {
            return doneAt != null;
        }

        Duration took() {
            return Duration.between(since, doneAt);
        }
    }
}
