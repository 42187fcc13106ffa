package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corpconnect.audit.AuditLog;
import org.corpconnect.busytime.BusyTimeStore;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.corpconnect.push.WatchedCalendar;
import org.corpconnect.push.WatchedCalendars;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.CalendarAccessStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Push from Graph (central mode): each user's calendar watched by a subscription whose notifications
 * reach the server's callback URL over loopback HTTP (the simulator's stated deviation), so that a
 * change reads only that user's busy time again, with no timer refresh (the domain's timer is 15
 * minutes). Watches are kept every 2 s and asked for a minute, so every pass renews them.
 */
@ServerTest
class GraphPushIT {

    private static final String HTTP_PORT = System.getenv().getOrDefault("IT_HTTP_PORT", "8080");
    private static final URI CALLBACK = URI.create("http://localhost:" + HTTP_PORT + "/exchange-connection/notifications/calendars");
    private static final Duration SOON = Duration.ofSeconds(30);

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withSettings(Deployments.withTestsInside(),
                Map.of("notifications.public-url", "http://localhost:" + HTTP_PORT + "/exchange-connection",
                        "push.check-seconds", "2", "push.watch-minutes", "1", "push.renew-before-minutes", "1"));
    }

    @Inject
    TestAccounts fixture;

    @Inject
    BusyTimeStore store;

    @Inject
    WatchedCalendars watches;

    @Inject
    BusyTimeSync sync;

    @Inject
    AuditLog audit;

    private final SimulatorControl simulator = SimulatorControl.ofTestRun();

    @Test
    void aMeetingAddedMovedAndDeletedInOutlookShowsWithoutATimerRefreshAndOnlyItsUserIsRead() {
        Watched a = watchedAccount(2);
        Watched other = watchedAccount(1);
        String anna = a.addresses.get(0);
        BookableUser annaUser = user(a.account, anna);
        Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        TimeWindow day = new TimeWindow(tomorrow, tomorrow.plus(1, ChronoUnit.DAYS));
        Instant since = Instant.now();

        JsonObject meeting = simulator.addEvent(anna, tomorrow.plus(Duration.ofHours(9)), tomorrow.plus(Duration.ofHours(10)), "Busy");
        awaitBusy(annaUser, day, List.of(busy(tomorrow, 9, 10)), "the new meeting");
        simulator.moveEvent(anna, meeting.getString("id"), tomorrow.plus(Duration.ofHours(13)), tomorrow.plus(Duration.ofHours(14)));
        awaitBusy(annaUser, day, List.of(busy(tomorrow, 13, 14)), "the moved meeting");
        simulator.deleteEvent(anna, meeting.getString("id"));
        awaitBusy(annaUser, day, List.of(), "the meeting gone");

        List<JsonObject> schedules = simulator.requestsBy(a.account.caller(), "getSchedule", since);
        assertTrue(schedules.size() >= 3, "one read per change at least: " + schedules);
        for (JsonObject schedule : schedules) {
            assertEquals(List.of(a.account.serviceMailbox(), anna), strings(schedule, "targetMailboxes"),
                    "only the changed user, never the whole account: " + schedule);
        }
        assertTrue(simulator.requestsBy(other.account.caller(), "getSchedule", since).isEmpty(),
                "the other account's users are not read");
    }

    @Test
    void aNotificationWithAWrongSecretTokenIsRefusedAndChangesNothing() throws Exception {
        Watched a = watchedAccount(2);
        String anna = a.addresses.get(0);
        String lukas = a.addresses.get(1);
        WatchedCalendar annasWatch = watchOf(a.account, user(a.account, anna));
        Instant since = Instant.now();

        HttpResponse<String> answer = post("{\"value\":[{\"subscriptionId\":\"" + annasWatch.watchId().orElseThrow()
                + "\",\"subscriptionExpirationDateTime\":\"" + Instant.now().plus(1, ChronoUnit.HOURS)
                + "\",\"changeType\":\"updated\",\"resource\":\"Users/x/Events/y\",\"clientState\":\"not-the-secret\","
                + "\"tenantId\":\"" + UUID.randomUUID() + "\"}]}");

        assertEquals(202, answer.statusCode(), "answered at once, checked afterwards");
        TestAccounts.await(() -> audit.recent(a.account.id(), 20).stream()
                .anyMatch(e -> e.action().equals("calendar-watch.callback-refused") && !e.at().isBefore(since.minusSeconds(1))),
                SOON, "the refused callback audited");
        // A real change of another user of the account afterwards: its read comes, Anna's never does.
        Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        simulator.addEvent(lukas, tomorrow.plus(Duration.ofHours(9)), tomorrow.plus(Duration.ofHours(10)), "Busy");
        awaitBusy(user(a.account, lukas), new TimeWindow(tomorrow, tomorrow.plus(1, ChronoUnit.DAYS)),
                List.of(busy(tomorrow, 9, 10)), "Lukas's meeting");
        List<JsonObject> schedules = simulator.requestsBy(a.account.caller(), "getSchedule", since);
        assertTrue(schedules.stream().noneMatch(s -> strings(s, "targetMailboxes").contains(anna)),
                "the refused notification read nothing: " + schedules);
        assertTrue(audit.recent(a.account.id(), 20).stream().filter(e -> e.action().equals("calendar-watch.callback-refused"))
                .allMatch(e -> e.detail().orElse("").indexOf("not-the-secret") < 0), "the token sent is never written down");

        HttpResponse<String> notANotification = post("{\"value\":[{\"no\":\"subscription\"}]}");
        assertEquals(400, notANotification.statusCode(), "not a notification");
        assertEquals("application/problem+json", notANotification.headers().firstValue("Content-Type").orElse("").split(";")[0],
                notANotification.headers().toString());
        HttpResponse<String> handshake = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(CALLBACK + "?validationToken=Validation%3A%20Testing%20a%20b")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, handshake.statusCode());
        assertTrue(handshake.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), handshake.headers().toString());
        assertEquals("Validation: Testing a b", handshake.body());
    }

    @Test
    void aRemovedSubscriptionIsCreatedAgainAndSubscriptionsAreRenewedBeforeTheyExpire() {
        Watched a = watchedAccount(1);
        String anna = a.addresses.get(0);
        BookableUser annaUser = user(a.account, anna);
        WatchedCalendar first = watchOf(a.account, annaUser);
        Instant since = Instant.now();

        TestAccounts.await(() -> watches.ofAccount(a.account.id()).stream()
                .anyMatch(w -> w.expiresAt().orElseThrow().isAfter(first.expiresAt().orElseThrow())), SOON, "renewed");
        assertTrue(simulator.requestsBy(a.account.caller(), "updateSubscription", since).size() >= 1, "renewed by PATCH");

        simulator.sendGraphLifecycle(first.watchId().orElseThrow(), "subscriptionRemoved");
        TestAccounts.await(() -> watches.ofAccount(a.account.id()).stream()
                .anyMatch(w -> w.watchId().isPresent() && !w.watchId().equals(first.watchId())), SOON, "a new subscription");
        Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        simulator.addEvent(anna, tomorrow.plus(Duration.ofHours(15)), tomorrow.plus(Duration.ofHours(16)), "Tentative");
        awaitBusy(annaUser, new TimeWindow(tomorrow, tomorrow.plus(1, ChronoUnit.DAYS)),
                List.of(new BusyInterval(tomorrow.plus(Duration.ofHours(15)), tomorrow.plus(Duration.ofHours(16)), BusyType.TENTATIVE)),
                "a change notified by the new subscription");
        assertEquals(1, watches.ofAccount(a.account.id()).size(), "one watch per user");
    }

    private record Watched(TestAccount account, List<String> addresses) {
    }

    /** A Graph account with fresh users, connected, its users readable and each watched. */
    private Watched watchedAccount(int users) {
        TestAccount account = fixture.create(simulator, Protocol.GRAPH);
        List<String> addresses = new java.util.ArrayList<>();
        for (int i = 0; i < users; i++) {
            String address = "push-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.test";
            simulator.addMailbox(address, "Pw-" + UUID.randomUUID());
            addresses.add(address);
        }
        fixture.addUsers(account, addresses);
        Instant before = Instant.now();
        fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
        fixture.awaitRefreshedSince(account, before, SOON);
        TestAccounts.await(() -> fixture.usersOf(account).stream().allMatch(u -> u.accessStatus() == CalendarAccessStatus.OK),
                SOON, "every user readable");
        TestAccounts.await(() -> watches.ofAccount(account.id()).stream().filter(w -> w.watchId().isPresent()).count() == users,
                SOON, "every user watched");
        return new Watched(account, addresses);
    }

    private BookableUser user(TestAccount account, String address) {
        return fixture.usersOf(account).stream().filter(u -> u.address().value().equals(address)).findFirst().orElseThrow();
    }

    private WatchedCalendar watchOf(TestAccount account, BookableUser user) {
        Optional<WatchedCalendar> watch = watches.ofAccount(account.id()).stream().filter(w -> w.userId() == user.id()).findFirst();
        return watch.orElseThrow();
    }

    private void awaitBusy(BookableUser user, TimeWindow window, List<BusyInterval> expected, String what) {
        // And that refresh over: a change notified while a refresh runs is read by a whole refresh after it.
        TestAccounts.await(() -> store.of(user.id(), window).equals(expected) && !sync.refreshing(user.account().id()), SOON, what + " in " + user.address()
                + "'s busy time, without a timer refresh");
    }

    private static BusyInterval busy(Instant day, int fromHour, int toHour) {
        return new BusyInterval(day.plus(Duration.ofHours(fromHour)), day.plus(Duration.ofHours(toHour)), BusyType.BUSY);
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(CALLBACK).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> strings(JsonObject request, String field) {
        return request.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
