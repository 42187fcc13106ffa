package org.corpconnect.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.corpconnect.busytime.BusyTimeStore;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.connection.AccountConnections;
import org.corpconnect.connection.AccountExchange;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.it.Deployments;
import org.corpconnect.it.Protocol;
import org.corpconnect.it.ServerTest;
import org.corpconnect.it.SimulatorControl;
import org.corpconnect.it.TestAccounts;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.corpconnect.push.StreamKeeper;
import org.corpconnect.push.WatchedCalendar;
import org.corpconnect.push.WatchedCalendars;
import org.corpconnect.users.CalendarAccessStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Push for 1,000 users, on Graph (change notifications) and on EWS (streaming notifications): the time
 * from an event created in the simulator (its control API, as if in Outlook) to the user's stored busy
 * time (what availability answers from) showing it, one event at a time on a random user, with no timer
 * refresh. Polled every 10 ms inside the server. The simulator looks for Graph changes every 250 ms and
 * polls each EWS streaming connection's subscriptions every 100 ms, so about half of that is in every figure.
 */
@ServerTest
class PushLatencyBench {

    private static final int USERS = 1_000;
    private static final int SAMPLES = 100;
    private static final String HTTP_PORT = System.getenv().getOrDefault("IT_HTTP_PORT", "8080");

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withSettings(Deployments.withTestsInside(PushLatencyBench.class, BenchFixture.class, BenchFigures.class),
                Map.of("notifications.public-url", "http://localhost:" + HTTP_PORT + "/exchange-connection",
                        "push.check-seconds", "5", "push.streams", "true", "push.stream-check-seconds", "5"));
    }

    @Inject
    TestAccounts fixture;

    @Inject
    BenchFixture bench;

    @Inject
    BusyTimeStore store;

    @Inject
    BusyTimeSync sync;

    @Inject
    WatchedCalendars watches;

    @Inject
    AccountConnections connections;

    @Inject
    StreamKeeper streams;

    private final SimulatorControl simulator = SimulatorControl.ofTestRun();

    @Test
    void anEventCreatedInOutlookShowsInAvailabilityWithinSeconds() throws Exception {
        simulator.loadGenerated(USERS);
        TestAccount account = fixture.create(simulator, Protocol.GRAPH);
        try {
            List<String> addresses = IntStream.rangeClosed(1, USERS).mapToObj(i -> String.format("user%05d@contoso.test", i)).toList();
            for (int i = 0; i < USERS; i += 500) {
                bench.addUsers(account.account(), addresses.subList(i, Math.min(USERS, i + 500)));
            }
            addresses.forEach(a -> simulator.addToGroup(account.scopeGroup(), a));
            Instant connected = Instant.now();
            fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
            TestAccounts.await(() -> bench.syncedSince(account.id(), connected) == USERS, Duration.ofMinutes(10), "first refresh");
            TestAccounts.await(() -> fixture.usersOf(account).stream().allMatch(u -> u.accessStatus() == CalendarAccessStatus.OK),
                    Duration.ofMinutes(1), "every user readable");
            long t = System.nanoTime();
            TestAccounts.await(() -> watches.ofAccount(account.id()).stream().filter(w -> w.watchId().isPresent()).count() == USERS,
                    Duration.ofMinutes(15), "every user watched");
            BenchFigures.record("push.graph.1000.subscriptions_created", (System.nanoTime() - t) / 1_000_000, "ms",
                    "from every user readable to 1,000 subscriptions (each validated by a handshake), one keeper pass");
            TestAccounts.await(() -> !sync.refreshing(account.id()), Duration.ofMinutes(1), "no refresh running");

            measure(account, addresses, "push.graph.1000", "simulator watcher 250 ms");
        } finally {
            stopWatches(account);
            sync.unschedule(account.id());
            bench.removeConnection(account.id());
            List<Long> ids = bench.userIdsOf(account.id());
            for (int i = 0; i < ids.size(); i += 500) {
                bench.removeUsers(ids.subList(i, Math.min(ids.size(), i + 500)));
            }
        }
    }

    @Test
    void anEventCreatedInOutlookShowsInAvailabilityWithinSecondsOverEwsStreaming() throws Exception {
        simulator.loadGenerated(USERS);
        TestAccount account = fixture.create(simulator, Protocol.EWS);
        try {
            List<String> addresses = IntStream.rangeClosed(1, USERS).mapToObj(i -> String.format("user%05d@contoso.test", i)).toList();
            for (int i = 0; i < USERS; i += 500) {
                bench.addUsers(account.account(), addresses.subList(i, Math.min(USERS, i + 500)));
            }
            Instant connected = Instant.now();
            fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
            TestAccounts.await(() -> bench.syncedSince(account.id(), connected) == USERS, Duration.ofMinutes(10), "first refresh");
            TestAccounts.await(() -> fixture.usersOf(account).stream().allMatch(u -> u.accessStatus() == CalendarAccessStatus.OK),
                    Duration.ofMinutes(1), "every user readable");
            long t = System.nanoTime();
            TestAccounts.await(() -> streams.streamed(account.id()) == USERS, Duration.ofMinutes(15), "every user streamed");
            BenchFigures.record("push.ews.1000.subscriptions_created", (System.nanoTime() - t) / 1_000_000, "ms",
                    "from every user readable to 1,000 streaming subscriptions (one Subscribe each, impersonating the user),"
                            + " five connections of 200");
            TestAccounts.await(() -> !sync.refreshing(account.id()), Duration.ofMinutes(1), "no refresh running");
            measure(account, addresses, "push.ews.1000", "simulator polls each streaming connection every 100 ms");
        } finally {
            sync.unschedule(account.id());
            bench.removeConnection(account.id()); // the keeper's next pass ends the account's connections
            List<Long> ids = bench.userIdsOf(account.id());
            for (int i = 0; i < ids.size(); i += 500) {
                bench.removeUsers(ids.subList(i, Math.min(ids.size(), i + 500)));
            }
        }
    }

    /** One event at a time on random users: the time until the user's stored busy time shows it, p50, p99, max. */
    private void measure(TestAccount account, List<String> addresses, String figure, String note) throws InterruptedException {
        Map<String, Long> userIds = new java.util.HashMap<>();
        fixture.usersOf(account).forEach(u -> userIds.put(u.address().value(), u.id()));
        Random random = new Random(17);
        Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(2, ChronoUnit.DAYS);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            String user = addresses.get(random.nextInt(USERS));
            long userId = userIds.get(user);
            // A slot of its own, at night, when the generated calendars have nothing.
            Instant start = base.plus(Duration.ofDays(i % 20)).plus(Duration.ofMinutes(30L * (i / 20)));
            BusyInterval expected = new BusyInterval(start, start.plus(Duration.ofMinutes(15)), BusyType.OOF);
            TimeWindow window = new TimeWindow(start, expected.end());
            long began = System.nanoTime();
            simulator.addEvent(user, expected.start(), expected.end(), "OOF");
            while (!store.of(userId, window).contains(expected)) {
                if (System.nanoTime() - began > Duration.ofSeconds(60).toNanos()) {
                    throw new AssertionError("Sample " + i + ": " + user + "'s event never showed");
                }
                Thread.sleep(10);
            }
            millis.add((System.nanoTime() - began) / 1_000_000);
            TestAccounts.await(() -> !sync.refreshing(account.id()), Duration.ofSeconds(30), "the refresh over");
        }
        assertEquals(SAMPLES, millis.size());
        List<Long> sorted = millis.stream().sorted().toList();
        BenchFigures.record(figure + ".event_to_busy.p50", sorted.get(SAMPLES / 2), "ms",
                SAMPLES + " events one after another on random users of 1,000; " + note);
        BenchFigures.record(figure + ".event_to_busy.p99", sorted.get((int) Math.ceil(SAMPLES * 0.99) - 1), "ms", "");
        BenchFigures.record(figure + ".event_to_busy.max", sorted.get(SAMPLES - 1), "ms", "");
    }

    /** The simulator would otherwise keep 1,000 subscriptions watched for the later benches. */
    private void stopWatches(TestAccount account) {
        AccountExchange exchange = connections.open(account.id());
        for (WatchedCalendar watch : watches.ofAccount(account.id())) {
            watch.watchId().ifPresent(exchange::stopWatch);
        }
    }
}
