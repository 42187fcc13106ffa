package org.corpconnect.it.bench;

import static org.corpconnect.it.bench.ServerMeasures.config;
import static org.corpconnect.it.bench.ServerMeasures.databaseBytes;
import static org.corpconnect.it.bench.ServerMeasures.heapAfterGc;
import static org.corpconnect.it.bench.ServerMeasures.latency;
import static org.corpconnect.it.bench.ServerMeasures.mb;
import static org.corpconnect.it.bench.ServerMeasures.millisSince;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.corpconnect.busytime.AccountRefresh;
import org.corpconnect.busytime.RefreshResult;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.it.Deployments;
import org.corpconnect.it.ServerTest;
import org.corpconnect.it.SimulatorControl;
import org.corpconnect.it.TestAccounts;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.corpconnect.it.TestExchange;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * A full refresh of 10,000 and of 1,000 users against the simulator with a latency per request, compared
 * with its floor: ceil(N/100) x windows x L / min(C, sync.concurrency), and with the simulator's own floor
 * for the same requests measured in the run ({@link SimulatorFreeBusyFloor}); then the server's heap and the
 * database's size with the 10,000 users synced. Inside the server: the refresh is called directly.
 */
@ServerTest
class BusyTimeSyncBench {

    /** L = BASE + PER_MAILBOX x mailboxes; the simulator's latency is whole milliseconds, so 1 ms, not 0.5 ms. */
    private static final long BASE_MILLIS = 50;
    private static final long PER_MAILBOX_MILLIS = 1;
    /** C: Exchange's default EWSMaxConcurrency. */
    private static final int BUDGET = 27;
    private static final int CHUNK = 500;

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestsInside(BusyTimeSyncBench.class, BenchFixture.class, ServerMeasures.class,
                BenchFigures.class, SimulatorBudget.class, SimulatorFreeBusyFloor.class, PlainRequests.class);
    }

    @Inject
    TestAccounts fixture;

    @Inject
    BenchFixture bench;

    @Inject
    AccountRefresh refresh;

    private final SimulatorControl simulator = SimulatorControl.ofTestRun();

    @Test
    void fullRefreshOfTenThousandAndOfOneThousandUsers() throws Exception {
        simulator.loadGenerated(10_000);
        SimulatorBudget.set(BUDGET, 30_000);
        simulator.clearFaults();
        simulator.addFault(latency("GetUserAvailabilityRequest", BASE_MILLIS, PER_MAILBOX_MILLIS));
        List<TestAccount> accounts = new ArrayList<>();
        try {
            long heapBefore = heapAfterGc();
            long dbBefore = databaseBytes();
            BenchFigures.record("memory.heap_after_gc.before_bench_users", mb(heapBefore), "MB",
                    "server heap (MemoryMXBean used) after System.gc(), with the earlier benches' small accounts");

            TestAccount big = account(accounts);
            measure(big, 10_000, () -> {
                long intervals = bench.intervalsOf(big.id());
                long dbAfter = databaseBytes();
                long heapAfter = heapAfterGc();
                BenchFigures.record("memory.stored_busy_intervals.10000", intervals, "rows", "");
                BenchFigures.record("memory.heap_after_gc.10000_users_synced", mb(heapAfter), "MB",
                        "used heap after System.gc() (max " + mb(Runtime.getRuntime().maxMemory()) + " MB)");
                BenchFigures.record("memory.heap_delta.10000_users_synced", mb(heapAfter - heapBefore), "MB",
                        "busy intervals live in H2, not on the heap; the delta is caches (JPA, H2 pages)");
                BenchFigures.record("memory.h2_file_delta", mb(dbAfter - dbBefore), "MB",
                        "corpconnect.mv.db growth from before the 10,000 users to after their first sync");
                BenchFigures.record("memory.bytes_per_stored_interval", (double) (dbAfter - dbBefore) / intervals, "bytes",
                        "H2 file delta / intervals, including the 10,000 user rows and all indexes");
            });
            measure(account(accounts), 1_000, () -> { });
        } finally {
            simulator.clearFaults();
            SimulatorBudget.set(BUDGET, 30_000);
            for (TestAccount account : accounts) {
                bench.removeAccountData(account.id(), CHUNK);
            }
        }
    }

    private TestAccount account(List<TestAccount> accounts) {
        TestAccount account = fixture.create(simulator);
        accounts.add(account);
        return account;
    }

    private void measure(TestAccount account, int users, Step afterFirstSync) throws Exception {
        String n = String.valueOf(users);
        List<String> addresses = IntStream.rangeClosed(1, users).mapToObj(i -> String.format("user%05d@contoso.test", i)).toList();
        long t = System.nanoTime();
        for (int i = 0; i < addresses.size(); i += CHUNK) {
            bench.addUsers(account.account(), addresses.subList(i, Math.min(addresses.size(), i + CHUNK)));
        }
        BenchFigures.record("sync." + n + ".add_users", millisSince(t), "ms", "users service, " + CHUNK + " per transaction");

        Instant connected = Instant.now();
        t = System.nanoTime();
        fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
        bench.awaitSynced(account.id(), users, connected, Duration.ofMinutes(10));
        BenchFigures.record("sync." + n + ".first_refresh_wall", millisSince(t), "ms",
                "connect to every user stored and checked (polled each 0.5 s), intervals inserted into an empty table");
        Thread.sleep(2000); // The connection's success is recorded right after the last access status.
        afterFirstSync.run();

        int horizonDays = config("sync.horizon-days", 56);
        int concurrency = config("sync.concurrency", 4);
        int windows = (int) Math.ceil(horizonDays / 42.0);
        int groups = (int) Math.ceil(users / 100.0);
        long latency = BASE_MILLIS + PER_MAILBOX_MILLIS * Math.min(100, users);
        double floor = (double) groups * windows * latency / Math.min(BUDGET, concurrency);

        // A normal refresh: the access checks that fell due since the last one, GetFolder answered after L0.
        int recheckMinutes = config("delegation.recheck-minutes", 360);
        int intervalMinutes = config("sync.interval-minutes", 15);
        bench.spreadAccessChecks(account.id(), Instant.now(), Duration.ofMinutes(recheckMinutes), Duration.ofMinutes(intervalMinutes));
        simulator.addFault(latency("GetFolder", BASE_MILLIS, 0));
        Instant since = Instant.now();
        t = System.nanoTime();
        RefreshResult result;
        try {
            result = refresh.refresh(account.id(), Optional.empty());
        } finally {
            simulator.clearFaults();
            simulator.addFault(latency("GetUserAvailabilityRequest", BASE_MILLIS, PER_MAILBOX_MILLIS));
        }
        long wall = millisSince(t);
        assertTrue(result.completed(), result.toString());
        assertEquals(users, result.usersRefreshed(), "every user refreshed: " + result);
        assertEquals(0, result.usersFailed(), result.toString());

        List<JsonObject> log = simulator.requestsBy(account.serviceMailbox(), null, since);
        Map<String, List<Instant>> byOperation = new TreeMap<>();
        log.forEach(r -> byOperation.computeIfAbsent(r.getString("operation"), o -> new ArrayList<>())
                .add(Instant.parse(r.getString("time"))));
        assertEquals(groups * windows, byOperation.getOrDefault("GetUserAvailabilityRequest", List.of()).size(),
                "one request per group of 100 and window: " + byOperation.keySet());

        String setting = "horizon " + horizonDays + " d = " + windows + " windows, L = " + BASE_MILLIS + " + " + PER_MAILBOX_MILLIS
                + " x 100 = " + latency + " ms, C = " + BUDGET + ", sync.concurrency = " + concurrency;
        BenchFigures.record("sync." + n + ".floor", floor, "ms", "ceil(N/100) x windows x L / min(C, concurrency); " + setting);
        BenchFigures.record("sync." + n + ".full_refresh_wall", wall, "ms", "a normal refresh (the access checks due since the"
                + " last one, GetFolder after " + BASE_MILLIS + " ms), AccountRefresh.refresh called directly");
        BenchFigures.record("sync." + n + ".ratio_to_floor", wall / floor, "x", "target 1.2");
        BenchFigures.record("sync." + n + ".requests_sent", log.size(), "requests", "all operations, from the simulator's log");
        byOperation.forEach((operation, times) -> {
            BenchFigures.record("sync." + n + ".requests." + operation, times.size(), "requests", "");
            BenchFigures.record("sync." + n + ".span." + operation,
                    Duration.between(times.stream().min(Instant::compareTo).orElseThrow(),
                            times.stream().max(Instant::compareTo).orElseThrow()).toMillis(), "ms",
                    "first to last of these requests in the simulator's log");
        });
        BenchFigures.record("sync." + n + ".exchange_phase", result.took().toMillis(), "ms",
                "RefreshResult.took: the free/busy requests and the access checks, before the store");
        BenchFigures.record("sync." + n + ".store_phase", wall - result.took().toMillis(), "ms",
                "the rest of the wall time: replacing the intervals and recording the access statuses");
        BenchFigures.record("sync." + n + ".access_checks", result.accessChecks(), "probes",
                "delegation.recheck-minutes = " + recheckMinutes + ", sync.interval-minutes = " + intervalMinutes
                        + ": the checks of " + users + " users spread over the refreshes of one recheck interval");
        List<Instant> freeBusy = byOperation.get("GetUserAvailabilityRequest");
        BenchFigures.record("sync." + n + ".freebusy_span_ratio_to_floor",
                Duration.between(freeBusy.stream().min(Instant::compareTo).orElseThrow(),
                        freeBusy.stream().max(Instant::compareTo).orElseThrow()).toMillis() / floor, "x",
                "the free/busy requests alone, the part of the refresh the floor describes");

        // The same refresh with no access check due, and nothing changed in the calendars.
        bench.accessCheckedAt(account.id(), Instant.now().plus(Duration.ofDays(1)));
        t = System.nanoTime();
        RefreshResult unchecked = refresh.refresh(account.id(), Optional.empty());
        long uncheckedWall = millisSince(t);
        assertTrue(unchecked.completed(), unchecked.toString());
        assertEquals(users, unchecked.usersRefreshed(), "every user refreshed: " + unchecked);
        assertEquals(0, unchecked.accessChecks(), "no access check due: " + unchecked);
        BenchFigures.record("sync." + n + ".no_checks.full_refresh_wall", uncheckedWall, "ms",
                "third refresh, no access check due; " + unchecked.requestsSent() + " requests sent");
        BenchFigures.record("sync." + n + ".no_checks.ratio_to_floor", uncheckedWall / floor, "x",
                "target 1.1: nothing changed (same busy time), no access check due");
        BenchFigures.record("sync." + n + ".no_checks.exchange_phase", unchecked.took().toMillis(), "ms", "");
        BenchFigures.record("sync." + n + ".no_checks.store_phase", uncheckedWall - unchecked.took().toMillis(), "ms",
                "replacing the intervals (delete, insert) of every user");

        // The simulator's own floor for the same free/busy requests, with the server idle: what both refreshes compare to.
        long simulatorFloor = SimulatorFreeBusyFloor.measure(TestExchange.ewsUrl(), account.serviceMailbox(), account.secret(),
                addresses, horizonDays, Math.min(BUDGET, concurrency));
        BenchFigures.record("sync." + n + ".simulator_floor", simulatorFloor, "ms", "the same " + groups * windows
                + " GetUserAvailability requests as plain SOAP, " + Math.min(BUDGET, concurrency) + " in flight, answers read and dropped");
        BenchFigures.record("sync." + n + ".ratio_to_simulator_floor", wall / (double) simulatorFloor, "x",
                "target 1.2: the normal refresh against the simulator's own floor, measured in this run");
        BenchFigures.record("sync." + n + ".no_checks.ratio_to_simulator_floor", uncheckedWall / (double) simulatorFloor, "x",
                "target 1.1: nothing changed, no access check due, against the simulator's own floor");
    }

    private interface Step {
        void run() throws Exception;
    }
}
