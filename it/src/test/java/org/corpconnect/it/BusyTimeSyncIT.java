package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.corpconnect.busytime.BusyTimeStore;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.connection.ConnectionStatus;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.ExchangeConnection;
import org.corpconnect.delegation.DelegationAdvice;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.CalendarAccessStatus;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Busy-time sync through the dedicated mailbox, against the simulator, inside the server; the same
 * tests for each protocol ({@link BusyTimeSyncEwsIT}, {@link BusyTimeSyncGraphIT}).
 */
@ServerTest
abstract class BusyTimeSyncIT {

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestsInside();
    }

    /** The protocol of every account this class connects. */
    abstract Protocol protocol();

    @Inject
    TestAccounts fixture;

    @Inject
    BusyTimeStore store;

    @Inject
    BusyTimeSync sync;

    @Inject
    Connections connections;

    private final SimulatorControl simulator = SimulatorControl.ofTestRun();

    @Test
    void twoHundredFiftyUsersAreSyncedExactlyWithOnlyFreeBusyRequests() {
        simulator.loadGenerated(250);
        List<String> addresses = IntStream.rangeClosed(1, 250).mapToObj(i -> String.format("user%05d@contoso.test", i)).toList();
        // Beside the generated series (which cross the next DST change): events across local and UTC midnight.
        Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        simulator.addEvent(addresses.get(0), tomorrow.minus(Duration.ofMinutes(90)), tomorrow.plus(Duration.ofMinutes(45)), "Busy");
        simulator.addEvent(addresses.get(1), tomorrow.plus(Duration.ofHours(22)), tomorrow.plus(Duration.ofHours(27)), "OOF");
        TestAccount account = fixture.create(simulator, protocol());
        fixture.addUsers(account, addresses);
        Instant before = Instant.now();

        fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
        fixture.awaitRefreshedSince(account, before, Duration.ofSeconds(120));

        TimeWindow horizon = horizon(before);
        for (BookableUser user : fixture.usersOf(account)) {
            assertEquals(expectedBusyTime(user.address().value(), horizon), sorted(store.of(user.id(), horizon)),
                    user.address().value());
        }
        int windows = (int) Math.ceil(horizon.length().toDays() / 42.0);
        List<JsonObject> freeBusyRequests = simulator.requestsBy(account.caller(), protocol().freeBusy, before);
        assertEquals(protocol().freeBusyRequests(250) * windows, freeBusyRequests.size(),
                "250 users in requests of 100 (EWS) or 20 (Graph) per window of at most 42 days");
        // EWS: never the Detailed view; both: never a property beyond busy time.
        assertTrue(freeBusyRequests.stream().allMatch(r -> (protocol() != Protocol.EWS || "FreeBusy".equals(r.getString("requestedView")))
                && r.getJsonArray("requestedProperties").isEmpty()), "never the Detailed view, never a property");
        Set<String> operations = Set.copyOf(simulator.requestsBy(account.caller(), null, before).stream()
                .map(r -> r.getString("operation")).toList());
        assertEquals(Set.of(protocol().openCalendar, protocol().freeBusy), operations,
                "no event read (FindItem, GetItem; calendarView, events): event details are never asked for");
    }

    /**
     * Access taken away by an admin is flagged at the next refresh, with the fix an admin can paste, and
     * cleared once given back: on EWS a delegate's calendar share revoked (his free/busy stays readable
     * through the Default permission, so read-only), on Graph a user taken out of the app's RBAC scope.
     */
    @Test
    void aUserWhoseAccessIsTakenAwayIsFlaggedAtTheNextRefreshWithTheFixAndClearedWhenGivenBack() throws Exception {
        simulator.loadDemo();
        TestAccount account = fixture.create(simulator, protocol());
        String lukas = "lukas.weber@contoso.test";
        List<String> addresses = List.of("anna.schmidt@contoso.test", lukas, "sophie.mueller@contoso.test");
        AccessMode mode = protocol() == Protocol.EWS ? AccessMode.DELEGATION : AccessMode.IMPERSONATION;
        if (mode == AccessMode.DELEGATION) {
            addresses.forEach(a -> simulator.grantCalendar(a, account.serviceMailbox(), "Editor"));
        }
        fixture.addUsers(account, addresses);
        Instant before = Instant.now();
        fixture.connect(account, mode, account.secret());
        fixture.awaitRefreshedSince(account, before, Duration.ofSeconds(60));
        TestAccounts.await(() -> fixture.usersOf(account).stream().allMatch(u -> u.accessStatus() == CalendarAccessStatus.OK),
                Duration.ofSeconds(30), "every user OK");

        fixture.takeAccessAway(account, lukas);
        Instant revoked = Instant.now();
        sync.refreshNow(account.id()).get();

        fixture.awaitTriedSince(account, revoked, Duration.ofSeconds(60));
        ExchangeConnection connection = connections.findFor(account.id()).orElseThrow();
        for (BookableUser user : fixture.usersOf(account)) {
            if (!user.address().value().equals(lukas)) {
                assertEquals(CalendarAccessStatus.OK, user.accessStatus(), user.toString());
                continue;
            }
            String fix = DelegationAdvice.forUser(connection, user);
            if (protocol() == Protocol.EWS) {
                assertEquals(CalendarAccessStatus.READ_ONLY, user.accessStatus(), user.toString());
                assertTrue(fix.contains("Add-MailboxFolderPermission -Identity \"" + lukas + ":\\Calendar\" -User "
                        + account.serviceMailbox() + " -AccessRights Editor"), fix);
            } else {
                assertEquals(CalendarAccessStatus.IMPERSONATION_DENIED, user.accessStatus(), user.toString());
                assertTrue(fix.contains("Test-ServicePrincipalAuthorization -Identity " + account.appId() + " -Resource " + lukas),
                        fix);
                assertTrue(fix.contains("New-ManagementScope"), fix);
            }
        }

        fixture.giveAccessBack(account, lukas);
        sync.refreshNow(account.id()).get();
        TestAccounts.await(() -> fixture.usersOf(account).stream().allMatch(u -> u.accessStatus() == CalendarAccessStatus.OK),
                Duration.ofSeconds(30), "the flag cleared");
    }

    @Test
    void serverBusyStopsTheRefreshAndATimerResumesItWhenTheBackOffEnds() throws Exception {
        simulator.loadDemo();
        TestAccount account = fixture.create(simulator, protocol());
        fixture.addUsers(account, List.of("anna.schmidt@contoso.test", "jonas.fischer@contoso.test"));
        Instant before = Instant.now();
        fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
        fixture.awaitRefreshedSince(account, before, Duration.ofSeconds(60));
        sync.refreshNow(account.id()).get();

        long backOff = 1500;
        try {
            // ErrorServerBusy with BackOffMilliseconds=1500 (Graph: 429, Retry-After 2 s), for the account's next two
            // free/busy requests.
            simulator.addFault(Json.createObjectBuilder().add("kind", "SERVER_BUSY").add("mailbox", account.caller())
                    .add("operation", protocol().freeBusy).add("millis", backOff).add("times", 2).build());
            Instant throttledFrom = Instant.now();

            var stopped = sync.refreshNow(account.id()).get();

            assertFalse(stopped.completed(), "the refresh stops at the back-off instead of sleeping: " + stopped);
            assertTrue(stopped.resume().isPresent(), "and says when it resumes: " + stopped);
            assertEquals(ConnectionStatus.THROTTLED, connections.findFor(account.id()).orElseThrow().status());
            fixture.awaitRefreshedSince(account, throttledFrom, Duration.ofSeconds(30));
            TestAccounts.await(() -> connections.findFor(account.id()).orElseThrow().status() == ConnectionStatus.HEALTHY,
                    Duration.ofSeconds(10), "healthy again once resumed");
            List<Instant> attempts = simulator.requestsBy(account.caller(), protocol().freeBusy, throttledFrom)
                    .stream().map(r -> Instant.parse(r.getString("time"))).sorted().toList();
            assertTrue(attempts.size() >= 3, "two refused, then answered: " + attempts);
            for (int i = 1; i < 3; i++) {
                assertTrue(Duration.between(attempts.get(i - 1), attempts.get(i)).toMillis() >= backOff,
                        "resumed no earlier than BackOffMilliseconds: " + attempts);
            }
        } finally {
            simulator.clearFaults();
        }
    }

    private static TimeWindow horizon(Instant now) {
        int days = ConfigProvider.getConfig().getOptionalValue("sync.horizon-days", Integer.class).orElse(56);
        Instant start = now.truncatedTo(ChronoUnit.DAYS);
        return new TimeWindow(start, start.plus(Duration.ofDays(days)));
    }

    /** What the simulator's calendar implies: each non-free occurrence, clipped to the horizon. */
    private List<BusyInterval> expectedBusyTime(String mailbox, TimeWindow horizon) {
        return sorted(simulator.events(mailbox, horizon.start(), horizon.end()).stream()
                .filter(e -> !"Free".equals(e.getString("freeBusy"))
                        && (protocol().reportsWorkingElsewhere() || !"WorkingElsewhere".equals(e.getString("freeBusy"))))
                .map(e -> new BusyInterval(max(Instant.parse(e.getString("start")), horizon.start()),
                        min(Instant.parse(e.getString("end")), horizon.end()), busyType(e.getString("freeBusy"))))
                .filter(i -> i.start().isBefore(i.end()))
                .toList());
    }

    private static BusyType busyType(String freeBusy) {
        return switch (freeBusy) {
            case "WorkingElsewhere" -> BusyType.WORKING_ELSEWHERE;
            case "Tentative" -> BusyType.TENTATIVE;
            case "Busy" -> BusyType.BUSY;
            case "OOF" -> BusyType.OOF;
            default -> BusyType.NO_DATA;
        };
    }

    private static List<BusyInterval> sorted(List<BusyInterval> intervals) {
        return intervals.stream().sorted(Comparator.comparing(BusyInterval::start).thenComparing(BusyInterval::end)
                .thenComparing(BusyInterval::type)).toList();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
