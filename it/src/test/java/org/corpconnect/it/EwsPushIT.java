package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.corpconnect.busytime.BusyTimeStore;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.corpconnect.push.StreamKeeper;
import org.corpconnect.push.WatchKeeper;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.CalendarAccessStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Push from Exchange over EWS streaming notifications: one subscription per user, their connection
 * held by the server, so that a change reads only that user's busy time again, with no timer refresh
 * (the domain's timer is 15 minutes). The keeper passes every second and reconnects after half a
 * second, so that the tests wait for the behaviour, not for the defaults.
 */
@ServerTest
class EwsPushIT {

    private static final Duration SOON = Duration.ofSeconds(30);

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withSettings(Deployments.withTestsInside(),
                Map.of("push.streams", "true", "push.stream-check-seconds", "1", "push.stream-retry-seconds", "0.5"));
    }

    @Inject
    TestAccounts fixture;

    @Inject
    BusyTimeStore store;

    @Inject
    BusyTimeSync sync;

    @Inject
    StreamKeeper streams;

    @Inject
    WatchKeeper push;

    private final SimulatorControl simulator = SimulatorControl.ofTestRun();

    @Test
    void aMeetingAddedMovedAndDeletedInOutlookShowsWithoutATimerRefreshAndOnlyItsUserIsRead() {
        Streamed a = streamedAccount(2);
        Streamed other = streamedAccount(1);
        String anna = a.addresses.get(0);
        BookableUser annaUser = user(a.account, anna);
        Instant tomorrow = tomorrow();
        Instant since = Instant.now();
        assertEquals(new WatchKeeper.PushState(WatchKeeper.PushState.Mode.STREAMED, 2), push.state(a.account.id()),
                "the sync page says the account's changes are pushed, and for how many users");

        JsonObject meeting = simulator.addEvent(anna, at(tomorrow, 9), at(tomorrow, 10), "Busy");
        awaitBusy(annaUser, List.of(busy(tomorrow, 9, 10)), "the new meeting");
        simulator.moveEvent(anna, meeting.getString("id"), at(tomorrow, 13), at(tomorrow, 14));
        awaitBusy(annaUser, List.of(busy(tomorrow, 13, 14)), "the moved meeting");
        simulator.deleteEvent(anna, meeting.getString("id"));
        awaitBusy(annaUser, List.of(), "the meeting gone");

        List<JsonObject> reads = simulator.requestsBy(a.account.caller(), "GetUserAvailabilityRequest", since);
        assertTrue(reads.size() >= 3, "one read per change at least: " + reads);
        for (JsonObject read : reads) {
            assertEquals(List.of(anna), strings(read, "targetMailboxes"), "only the changed user, never the whole account: " + read);
        }
        assertTrue(simulator.requestsBy(other.account.caller(), "GetUserAvailabilityRequest", since).isEmpty(),
                "the other account's users are not read");
    }

    @Test
    void aDroppedConnectionAndForgottenSubscriptionsMissNoChangeAndComeBackByThemselves() {
        Streamed a = streamedAccount(2);
        String anna = a.addresses.get(0);
        String lukas = a.addresses.get(1);
        Instant tomorrow = tomorrow();

        Instant cut = Instant.now();
        simulator.cutEwsStreams();
        simulator.addEvent(anna, at(tomorrow, 9), at(tomorrow, 10), "Busy"); // while the connection is down
        awaitBusy(user(a.account, anna), List.of(busy(tomorrow, 9, 10)), "the change made while the connection was down");
        TestAccounts.await(() -> !simulator.requestsBy(a.account.caller(), "GetStreamingEvents", cut).isEmpty(), SOON,
                "the connection opened again");

        Instant expired = Instant.now();
        simulator.expireEwsSubscriptions();
        simulator.addEvent(lukas, at(tomorrow, 11), at(tomorrow, 12), "Tentative"); // before the subscriptions are back
        awaitBusy(user(a.account, lukas), List.of(new BusyInterval(at(tomorrow, 11), at(tomorrow, 12), BusyType.TENTATIVE)),
                "the change made while Exchange had no subscription");
        TestAccounts.await(() -> simulator.requestsBy(a.account.caller(), "Subscribe", expired).size() >= 2, SOON,
                "both users subscribed again");
        TestAccounts.await(() -> streams.streamed(a.account.id()) == 2
                        && simulator.requestsBy(a.account.caller(), "Subscribe", expired).size() == 2, SOON,
                "one subscription per user again, no more");

        simulator.addEvent(anna, at(tomorrow, 15), at(tomorrow, 16), "Busy");
        awaitBusy(user(a.account, anna), List.of(busy(tomorrow, 9, 10), busy(tomorrow, 15, 16)),
                "a change notified by the new subscription");
    }

    @Test
    void aStreamedMessageWithADoctypeChangesNothingAndItsEntitiesAreNeverFetched() throws Exception {
        Streamed a = streamedAccount(1);
        String anna = a.addresses.get(0);
        AtomicInteger fetched = new AtomicInteger();
        HttpServer entities = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        entities.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        entities.start();
        try {
            Instant since = Instant.now();
            assertTrue(simulator.doctypeOnNextEwsMessage("http://127.0.0.1:" + entities.getAddress().getPort() + "/xxe") >= 1,
                    "the account's connection is open to get the message");
            TestAccounts.await(() -> !simulator.requestsBy(a.account.caller(), "GetStreamingEvents", since).isEmpty(), SOON,
                    "the refused message's connection dropped and opened again");
            assertTrue(simulator.requestsBy(a.account.caller(), "GetUserAvailabilityRequest", since).isEmpty(),
                    "the FreeBusyChangedEvent in the refused message read nothing");
            assertEquals(0, fetched.get(), "the external entity was never fetched");

            Instant tomorrow = tomorrow();
            simulator.addEvent(anna, at(tomorrow, 9), at(tomorrow, 10), "Busy");
            awaitBusy(user(a.account, anna), List.of(busy(tomorrow, 9, 10)), "a real change afterwards");
            assertEquals(0, fetched.get(), "the external entity was never fetched");
        } finally {
            entities.stop(0);
        }
    }

    private record Streamed(TestAccount account, List<String> addresses) {
    }

    /** An EWS account (impersonation) with fresh users, connected, its users readable and each streamed. */
    private Streamed streamedAccount(int users) {
        TestAccount account = fixture.create(simulator, Protocol.EWS);
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String address = "stream-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.test";
            simulator.addMailbox(address, "Pw-" + UUID.randomUUID());
            addresses.add(address);
        }
        fixture.addUsers(account, addresses);
        Instant before = Instant.now();
        fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
        fixture.awaitRefreshedSince(account, before, SOON);
        TestAccounts.await(() -> fixture.usersOf(account).stream().allMatch(u -> u.accessStatus() == CalendarAccessStatus.OK),
                SOON, "every user readable");
        TestAccounts.await(() -> streams.streamed(account.id()) == users
                        && !simulator.requestsBy(account.caller(), "GetStreamingEvents", before).isEmpty()
                        && !sync.refreshing(account.id()),
                SOON, "every user streamed, the connection open, the first reads over");
        return new Streamed(account, addresses);
    }

    private BookableUser user(TestAccount account, String address) {
        return fixture.usersOf(account).stream().filter(u -> u.address().value().equals(address)).findFirst().orElseThrow();
    }

    private void awaitBusy(BookableUser user, List<BusyInterval> expected, String what) {
        Instant day = expected.isEmpty() ? tomorrow() : expected.get(0).start().truncatedTo(ChronoUnit.DAYS);
        TimeWindow window = new TimeWindow(day, day.plus(1, ChronoUnit.DAYS));
        TestAccounts.await(() -> store.of(user.id(), window).equals(expected) && !sync.refreshing(user.account().id()), SOON,
                what + " in " + user.address() + "'s busy time, without a timer refresh");
    }

    private static Instant tomorrow() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    }

    private static Instant at(Instant day, int hour) {
        return day.plus(Duration.ofHours(hour));
    }

    private static BusyInterval busy(Instant day, int fromHour, int toHour) {
        return new BusyInterval(at(day, fromHour), at(day, toHour), BusyType.BUSY);
    }

    private static List<String> strings(JsonObject request, String field) {
        return request.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
