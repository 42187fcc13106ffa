package org.corpconnect.it.bench;

import static org.corpconnect.it.bench.ServerMeasures.config;
import static org.corpconnect.it.bench.ServerMeasures.latency;
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
import java.util.stream.Stream;
import org.corpconnect.busytime.AccountRefresh;
import org.corpconnect.busytime.RefreshResult;
import org.corpconnect.connection.GraphCloud;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.ExchangeGateway;
import org.corpconnect.it.Deployments;
import org.corpconnect.it.Protocol;
import org.corpconnect.it.ServerTest;
import org.corpconnect.it.SimulatorControl;
import org.corpconnect.it.TestAccounts;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.corpconnect.it.TestExchange;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * {@link BusyTimeSyncBench}'s refresh for an account on Microsoft Graph (app-only, the central mode): a
 * normal refresh and one with nothing changed, of 10,000 and of 1,000 users, against the formula's floor
 * ceil(N/20) x windows x L / concurrency and the simulator's own floor for the same getSchedule requests
 * measured in the run ({@link SimulatorScheduleFloor}). Inside the server: the refresh is called directly.
 */
@ServerTest
class GraphBusyTimeSyncBench {

    /**
     * L = 50 ms + 1 ms per schedule, EWS's shape (50 ms + 1 ms per mailbox), for getSchedule's 20 schedules:
     * 70 ms, set as one fixed latency, since the simulator's Graph latency counts one target mailbox per
     * request (the URL's). Every getSchedule here asks for 20 schedules (N and the sync's groups of 100 are
     * multiples of 20), so the two are the same.
     */
    private static final long BASE_MILLIS = 50;
    private static final long PER_SCHEDULE_MILLIS = 1;
    private static final int SCHEDULES = 20;
    private static final long LATENCY_MILLIS = BASE_MILLIS + PER_SCHEDULE_MILLIS * SCHEDULES;
    /** Graph's limit of concurrent requests per app and mailbox: every getSchedule targets the dedicated mailbox. */
    private static final int MAILBOX_CONCURRENCY = 4;
    private static final int CHUNK = 500;

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestsInside(GraphBusyTimeSyncBench.class, BenchFixture.class, ServerMeasures.class,
                BenchFigures.class, SimulatorScheduleFloor.class, PlainRequests.class);
    }

    @Inject
    TestAccounts fixture;

    @Inject
    BenchFixture bench;

    @Inject
    AccountRefresh refresh;

    @Inject
    GraphCloud graphCloud;

    private final SimulatorControl simulator = SimulatorControl.ofTestRun();

    /** One invocation each: a run at load 24 was interrupted 15 minutes into its one invocation (the 10,000 users' refreshes). */
    @Test
    void refreshOfTenThousandUsersOverGraph() throws Exception {
        run(10_000);
    }

    @Test
    void refreshOfOneThousandUsersOverGraph() throws Exception {
        run(1_000);
    }

    private void run(int users) throws Exception {
        simulator.loadGenerated(10_000);
        simulator.clearFaults();
        simulator.addFault(latency(Protocol.GRAPH.freeBusy, LATENCY_MILLIS, 0));
        TestAccount account = fixture.create(simulator, Protocol.GRAPH);
        try {
            measure(account, users);
        } finally {
            simulator.clearFaults();
            bench.removeAccountData(account.id(), CHUNK);
        }
    }

    private void measure(TestAccount account, int users) throws Exception {
        String n = "sync.graph." + users;
        List<String> addresses = IntStream.rangeClosed(1, users).mapToObj(i -> String.format("user%05d@contoso.test", i)).toList();
        long t = System.nanoTime();
        for (int i = 0; i < addresses.size(); i += CHUNK) {
            bench.addUsers(account.account(), addresses.subList(i, Math.min(addresses.size(), i + CHUNK)));
        }
        // The app's RBAC scope is its group: the dedicated mailbox and every user, in one call rather than N.
        simulator.createGroup(account.scopeGroup(), Stream.concat(Stream.of(account.serviceMailbox()), addresses.stream()).toList());
        BenchFigures.record(n + ".add_users", millisSince(t), "ms", "users service, " + CHUNK + " per transaction; the RBAC group");

        Instant connected = Instant.now();
        t = System.nanoTime();
        fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
        bench.awaitSynced(account.id(), users, connected, Duration.ofMinutes(10));
        BenchFigures.record(n + ".first_refresh_wall", millisSince(t), "ms",
                "connect to every user stored and checked (polled each 0.5 s), intervals inserted into an empty table");
        Thread.sleep(2000); // The connection's success is recorded right after the last access status.

        int horizonDays = config("sync.horizon-days", 56);
        int concurrency = Math.min(MAILBOX_CONCURRENCY, config("sync.concurrency", 4));
        int windows = (int) Math.ceil(horizonDays / (double) ExchangeGateway.MAX_WINDOW_DAYS);
        int requests = (int) Math.ceil(users / (double) SCHEDULES) * windows;
        double floor = (double) requests * LATENCY_MILLIS / concurrency;

        // The simulator's own floor for the same getSchedule requests, with the server idle: first, so that a run
        // cut short still has it.
        long simulatorFloor = SimulatorScheduleFloor.measure(graphCloud.endpoint(), graphCloud.authority(TestExchange.TENANT),
                account.appId(), account.secret(), account.serviceMailbox(), addresses, horizonDays, concurrency);
        BenchFigures.record(n + ".simulator_floor", simulatorFloor, "ms", "the same " + requests + " getSchedule requests,"
                + " an app token from the simulator's Entra ID, " + concurrency + " in flight, answers read and dropped");
        BenchFigures.record(n + ".simulator_floor_ratio_to_floor", simulatorFloor / floor, "x",
                "what the simulator itself needs beyond L on these cores");
        BenchFigures.record(n + ".floor", floor, "ms", "ceil(N/20) x windows x L / concurrency; " + setting(horizonDays, windows, concurrency));

        // A normal refresh: the access checks that fell due since the last one, getCalendar answered after 50 ms.
        int recheckMinutes = config("delegation.recheck-minutes", 360);
        int intervalMinutes = config("sync.interval-minutes", 15);
        bench.spreadAccessChecks(account.id(), Instant.now(), Duration.ofMinutes(recheckMinutes), Duration.ofMinutes(intervalMinutes));
        simulator.addFault(latency(Protocol.GRAPH.openCalendar, BASE_MILLIS, 0));
        Instant since = Instant.now();
        t = System.nanoTime();
        RefreshResult result;
        try {
            result = refresh.refresh(account.id(), Optional.empty());
        } finally {
            simulator.clearFaults();
            simulator.addFault(latency(Protocol.GRAPH.freeBusy, LATENCY_MILLIS, 0));
        }
        long wall = millisSince(t);
        assertTrue(result.completed(), result.toString());
        assertEquals(users, result.usersRefreshed(), "every user refreshed: " + result);
        assertEquals(0, result.usersFailed(), result.toString());

        Map<String, List<Instant>> byOperation = requestsSince(account, since);
        assertEquals(requests, byOperation.getOrDefault(Protocol.GRAPH.freeBusy, List.of()).size(),
                "one getSchedule per " + SCHEDULES + " users and window: " + byOperation.keySet());

        BenchFigures.record(n + ".full_refresh_wall", wall, "ms", "a normal refresh (the access checks due since the"
                + " last one, getCalendar after " + BASE_MILLIS + " ms), AccountRefresh.refresh called directly");
        BenchFigures.record(n + ".ratio_to_floor", wall / floor, "x", "target 1.3");
        byOperation.forEach((operation, times) -> {
            BenchFigures.record(n + ".requests." + operation, times.size(), "requests", "");
            BenchFigures.record(n + ".span." + operation, span(times), "ms", "first to last of these requests in the simulator's log");
        });
        BenchFigures.record(n + ".exchange_phase", result.took().toMillis(), "ms",
                "RefreshResult.took: the getSchedule requests and the access checks, before the store");
        BenchFigures.record(n + ".access_checks", result.accessChecks(), "probes",
                "delegation.recheck-minutes = " + recheckMinutes + ", sync.interval-minutes = " + intervalMinutes
                        + ": the checks of " + users + " users spread over the refreshes of one recheck interval");
        BenchFigures.record(n + ".getschedule_span_ratio_to_floor", span(byOperation.get(Protocol.GRAPH.freeBusy)) / floor, "x",
                "the getSchedule requests alone, the part of the refresh the floor describes");

        // The same refresh with no access check due, and nothing changed in the calendars.
        bench.accessCheckedAt(account.id(), Instant.now().plus(Duration.ofDays(1)));
        t = System.nanoTime();
        RefreshResult unchecked = refresh.refresh(account.id(), Optional.empty());
        long uncheckedWall = millisSince(t);
        assertTrue(unchecked.completed(), unchecked.toString());
        assertEquals(users, unchecked.usersRefreshed(), "every user refreshed: " + unchecked);
        assertEquals(0, unchecked.accessChecks(), "no access check due: " + unchecked);
        BenchFigures.record(n + ".no_checks.full_refresh_wall", uncheckedWall, "ms",
                "no access check due, nothing changed; " + unchecked.requestsSent() + " requests sent");
        BenchFigures.record(n + ".no_checks.ratio_to_floor", uncheckedWall / floor, "x", "target 1.3");
        BenchFigures.record(n + ".no_checks.exchange_phase", unchecked.took().toMillis(), "ms", "");

        BenchFigures.record(n + ".ratio_to_simulator_floor", wall / (double) simulatorFloor, "x",
                "target 1.3: the normal refresh against the simulator's own floor, measured in this run");
        BenchFigures.record(n + ".no_checks.ratio_to_simulator_floor", uncheckedWall / (double) simulatorFloor, "x",
                "target 1.3: nothing changed, no access check due, against the simulator's own floor");
    }

    private static String setting(int horizonDays, int windows, int concurrency) {
        return "horizon " + horizonDays + " d = " + windows + " windows of at most " + ExchangeGateway.MAX_WINDOW_DAYS
                + " d, L = " + BASE_MILLIS + " + " + PER_SCHEDULE_MILLIS + " x " + SCHEDULES + " = " + LATENCY_MILLIS
                + " ms, concurrency = min(Graph's " + MAILBOX_CONCURRENCY + " per mailbox, sync.concurrency) = " + concurrency;
    }

    private Map<String, List<Instant>> requestsSince(TestAccount account, Instant since) {
        List<JsonObject> log = simulator.requestsBy(account.caller(), null, since);
        Map<String, List<Instant>> byOperation = new TreeMap<>();
        log.forEach(r -> byOperation.computeIfAbsent(r.getString("operation"), o -> new ArrayList<>())
                .add(Instant.parse(r.getString("time"))));
        return byOperation;
    }

    private static long span(List<Instant> times) {
        return Duration.between(times.stream().min(Instant::compareTo).orElseThrow(),
                times.stream().max(Instant::compareTo).orElseThrow()).toMillis();
    }
}
