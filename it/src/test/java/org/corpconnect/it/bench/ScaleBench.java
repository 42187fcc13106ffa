package org.corpconnect.it.bench;

import static org.corpconnect.it.bench.ServerMeasures.config;
import static org.corpconnect.it.bench.ServerMeasures.databaseBytes;
import static org.corpconnect.it.bench.ServerMeasures.heapAfterGc;
import static org.corpconnect.it.bench.ServerMeasures.latency;
import static org.corpconnect.it.bench.ServerMeasures.mb;
import static org.corpconnect.it.bench.ServerMeasures.millisSince;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.Test;
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
 * run may do to the integration tests' shared domain.
 */
@ServerTest
@EnabledIfEnvironmentVariable(named = "BENCH_SCALE", matches = "1")
class ScaleBench {

    private static final int ACCOUNTS = 100;
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
    /** How long the first refreshes may take before the bench records how far they got and stops. */
    private static final Duration FIRST_REFRESH_LIMIT = Duration.ofMinutes(12);

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
    void hundredAccountsOfAThousandUsers() throws Exception {
        simulator.loadGenerated(USERS);
        SimulatorBudget.set(BUDGET, 30_000);
        simulator.clearFaults();
        simulator.addFault(latency("GetUserAvailabilityRequest", BASE_MILLIS, PER_MAILBOX_MILLIS));
        List<TestAccount> accounts = new ArrayList<>();
        try {
            long heapBefore = heapAfterGc();
            long dbBefore = databaseBytes();
            List<String> addresses = IntStream.rangeClosed(1, USERS).mapToObj(i -> String.format("user%05d@contoso.test", i)).toList();
            long t = System.nanoTime();
            for (int a = 0; a < ACCOUNTS; a++) {
                TestAccount account = fixture.create(simulator);
                accounts.add(account);
                for (int i = 0; i < USERS; i += CHUNK) {
                    bench.addUsers(account.account(), addresses.subList(i, Math.min(USERS, i + CHUNK)));
                }
            }
            BenchFigures.record("scale.add_accounts_and_users", millisSince(t), "ms",
                    ACCOUNTS + " accounts of " + USERS + " users (the simulator's generated mailboxes), " + CHUNK + " per transaction");
            List<Long> ids = accounts.stream().map(TestAccount::id).toList();
            BenchFigures.record("scale.heap_after_gc.users_added", mb(heapAfterGc()), "MB",
                    "used heap after System.gc(), the " + ACCOUNTS * USERS + " users added, none refreshed yet");

            // The first refreshes: every account connected at once, every interval new, every access checked.
            Instant connected = Instant.now();
            t = System.nanoTime();
            accounts.forEach(account -> fixture.connect(account, AccessMode.IMPERSONATION, account.secret()));
            awaitRefreshed(ids, connected, FIRST_REFRESH_LIMIT, "scale.first_refresh");
            BenchFigures.record("scale.first_refresh.last_done", millisSince(t), "ms", "from connecting all " + ACCOUNTS
                    + " accounts at once to the last of their " + ACCOUNTS * USERS + " users stored (polled every 2 s)");
            long dbAfter = databaseBytes();
            BenchFigures.record("scale.h2_file_delta", mb(dbAfter - dbBefore), "MB", "corpconnect.mv.db growth");

            // Every account due at one moment, with the share of access checks a refresh meets after a while.
            int recheckMinutes = config("delegation.recheck-minutes", 360);
            int intervalMinutes = config("sync.interval-minutes", 15);
            Thread.sleep(3000); // The connections' successes are recorded right after the last users.
            simulator.addFault(latency("GetFolder", BASE_MILLIS, 0));
            Instant now = Instant.now();
            ids.forEach(id -> bench.spreadAccessChecks(id, now, Duration.ofMinutes(recheckMinutes), Duration.ofMinutes(intervalMinutes)));
            Instant due = Instant.now();
            t = System.nanoTime();
            bench.dueAt(ids, due);
            awaitRefreshed(ids, due, Duration.ofMinutes(intervalMinutes), "scale.all_due");
            long lastDone = millisSince(t);
            double interval = Duration.ofMinutes(intervalMinutes).toMillis();
            BenchFigures.record("scale.all_due.last_done", lastDone, "ms", "all " + ACCOUNTS + " accounts due at the same moment"
                    + " (nothing changed in the calendars, each with its share of access checks at " + BASE_MILLIS
                    + " ms), until the last user of the last account is stored; sync.interval-minutes = " + intervalMinutes);
            BenchFigures.record("scale.all_due.share_of_interval", lastDone / interval, "x",
                    "target: below 1 (every account refreshed within its interval, however its due times fall)");

            long heapAfter = heapAfterGc();
            BenchFigures.record("scale.heap_after_gc.before", mb(heapBefore), "MB", "used heap after System.gc(), before the accounts");
            BenchFigures.record("scale.heap_after_gc", mb(heapAfter), "MB", ACCOUNTS + " accounts of " + USERS
                    + " users synced, after System.gc() (max " + mb(Runtime.getRuntime().maxMemory()) + " MB); target at most 300");

            // Availability of one of the accounts, with all of them loaded, against the trivial endpoint.
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
                    "compare with api.availability.throughput_ratio, measured without the " + ACCOUNTS + " accounts");
            BenchFigures.record("scale.api.availability.p99_ratio", free.percentileMillis(0.99)
                    / ((trivial.percentileMillis(0.99) + trivialAfter.percentileMillis(0.99)) / 2), "x", "");
            assertEquals(0, trivial.errors() + free.errors() + trivialAfter.errors(), "every answer 200");
        } finally {
            simulator.clearFaults();
            long t = System.nanoTime();
            for (TestAccount account : accounts) {
                removeAccountData(account);
            }
            BenchFigures.record("scale.clean_up", millisSince(t), "ms", "the accounts' users and busy time deleted");
        }
    }

    /**
     * Waits until every user of the accounts was stored at or after the instant; if not within the timeout,
     * records how far it got and the heap then, and stops the bench.
     */
    private void awaitRefreshed(List<Long> accountIds, Instant since, Duration timeout, String figure) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long done;
        while ((done = bench.refreshedSince(accountIds, since)) < (long) ACCOUNTS * USERS) {
            if (Instant.now().isAfter(deadline)) {
                BenchFigures.record(figure + ".users_done_at_timeout", done, "users", "of " + ACCOUNTS * USERS + " after " + timeout);
                BenchFigures.record(figure + ".users_per_minute", done / (double) timeout.toSeconds() * 60, "users/min", "");
                BenchFigures.record(figure + ".heap_after_gc_at_timeout", mb(heapAfterGc()), "MB", "");
                throw new AssertionError(done + " of " + ACCOUNTS * USERS + " users refreshed within " + timeout);
            }
            Thread.sleep(2000);
        }
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

    /** The accounts go again, so that later runs on this domain never refresh 100,000 users. */
    private void removeAccountData(TestAccount account) {
        sync.unschedule(account.id());
        bench.removeConnection(account.id());
        List<Long> ids = bench.userIdsOf(account.id());
        for (int i = 0; i < ids.size(); i += CHUNK) {
            bench.removeUsers(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
    }
}
