package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corpconnect.account.AccountDataVersions;
import org.corpconnect.availability.FreeSlots;
import org.corpconnect.availability.Slot;
import org.corpconnect.availability.SlotQuery;
import org.corpconnect.booking.BookingRequest;
import org.corpconnect.booking.BookingStatus;
import org.corpconnect.booking.BookingWriter;
import org.corpconnect.bookingrules.BookingPolicy;
import org.corpconnect.busytime.BusyTimeStore;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.corpconnect.polling.KeptFreshBy;
import org.corpconnect.polling.PollPlan;
import org.corpconnect.polling.PolledUsers;
import org.corpconnect.polling.Poller;
import org.corpconnect.push.WatchKeeper;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.CalendarAccessStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Polling where Exchange cannot push: a Graph account in the individual (delegated) mode, whose
 * calendars Graph does not notify the product of (even with {@code notifications.public-url} set, as
 * here). Its users with bookings are polled every 2 s, the others every 10 s; the account's timer
 * refresh is an hour away, so only polling can show a meeting added in the simulator.
 */
@ServerTest
class PollingIT {

    private static final int BOOKED_SECONDS = 2;
    private static final int OTHERS_SECONDS = 10;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration SOON = Duration.ofSeconds(30);
    /** Graph's 429 asks for whole seconds (Retry-After). */
    private static final Duration BACK_OFF = Duration.ofSeconds(4);
    private static final String HTTP_PORT = System.getenv().getOrDefault("IT_HTTP_PORT", "8080");

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withSettings(Deployments.withTestsInside(),
                Map.of("sync.interval-minutes", "60",
                        "notifications.public-url", "http://localhost:" + HTTP_PORT + "/exchange-connection",
                        "push.poll-booked-seconds", String.valueOf(BOOKED_SECONDS),
                        "push.poll-seconds", String.valueOf(OTHERS_SECONDS)));
    }

    @Inject
    DelegatedSignIns delegated;

    @Inject
    TestAccounts fixture;

    @Inject
    BusyTimeStore store;

    @Inject
    BusyTimeSync sync;

    @Inject
    FreeSlots freeSlots;

    @Inject
    AccountDataVersions versions;

    @Inject
    BookingPolicy policy;

    @Inject
    BookingWriter writer;

    @Inject
    WatchKeeper push;

    @Inject
    Poller poller;

    @Inject
    PolledUsers polledUsers;

    private final SimulatorControl simulator = SimulatorControl.ofTestRun();

    @Test
    void aMeetingOfAUserWithABookingShowsWithinThePollIntervalAndAUserWithoutIsPolledLessOften() {
        String anna = newMailbox("anna");
        String lukas = newMailbox("lukas");
        Instant connected = Instant.now();
        TestAccount account = delegated.connectedAccount(simulator, List.of(anna, lukas));
        fixture.awaitRefreshedSince(account, connected, SOON);
        TestAccounts.await(() -> fixture.usersOf(account).stream().allMatch(u -> u.accessStatus() == CalendarAccessStatus.OK),
                SOON, "both users readable");
        assertEquals(WatchKeeper.PushState.Mode.NOT_SUPPORTED, push.state(account.id()).mode(),
                "the delegated mode cannot watch calendars");
        Instant timerDue = sync.nextRefresh(account.id()).orElseThrow();
        BookableUser annaUser = user(account, anna);

        // Anna gets a booking in the next days; a meeting is then added to her calendar in Outlook.
        List<Slot> offered = slotsOf(account, annaUser);
        assertTrue(offered.size() >= 3, "free slots in Anna's next days: " + offered);
        Slot booked = offered.get(0);
        assertEquals(BookingStatus.CONFIRMED, writer.book(account.account(), new BookingRequest(annaUser.address(), booked.start(),
                booked.end(), "Polled", Optional.empty(), UUID.randomUUID().toString())).booking().status());
        Slot meeting = offered.get(offered.size() - 1);
        Instant since = Instant.now();
        simulator.addEvent(anna, meeting.start(), meeting.end(), "Busy");

        TimeWindow around = new TimeWindow(meeting.start(), meeting.end());
        TestAccounts.await(() -> store.of(annaUser.id(), around).equals(
                        List.of(new BusyInterval(meeting.start(), meeting.end(), BusyType.BUSY))), SOON,
                "the meeting in Anna's busy time, read by a poll");
        assertFalse(slotsOf(account, annaUser).contains(meeting), "availability no longer offers the meeting's slot");
        assertEquals(Optional.of(timerDue), sync.nextRefresh(account.id()), "no timer refresh ran meanwhile");
        assertEquals(Map.of(annaUser.id(), KeptFreshBy.POLLING_BOOKED, user(account, lukas).id(), KeptFreshBy.POLLING),
                poller.keptFreshBy(account.id()), "what the sync page says keeps each user fresh");

        // Lukas, without bookings, is polled at the slower rate: Anna is polled several times between two of his polls.
        String caller = DelegatedSignIns.caller(account);
        TestAccounts.await(() -> polls(simulator.requestsBy(caller, "getSchedule", since), lukas).size() >= 2,
                Duration.ofSeconds(3L * OTHERS_SECONDS), "two polls of Lukas");
        List<JsonObject> schedules = simulator.requestsBy(caller, "getSchedule", since);
        List<Instant> lukasPolls = polls(schedules, lukas);
        Duration between = Duration.between(lukasPolls.get(0), lukasPolls.get(1));
        assertTrue(between.compareTo(Duration.ofSeconds(OTHERS_SECONDS - 1)) >= 0,
                "Lukas's polls " + OTHERS_SECONDS + " s apart: " + lukasPolls);
        long annaBetween = polls(schedules, anna).stream()
                .filter(at -> at.isAfter(lukasPolls.get(0)) && at.isBefore(lukasPolls.get(1))).count();
        assertTrue(annaBetween >= 2, "Anna polled between two of Lukas's polls: " + annaBetween + " times; " + schedules);

        // Another cluster member that read Lukas's row as it was cannot claim his poll once this one has.
        PollPlan.PolledUser lukasRow = polledUsers.ofAccount(account.id()).stream()
                .filter(u -> u.userId() == user(account, lukas).id()).findFirst().orElseThrow();
        Instant now = Instant.now();
        assertEquals(List.of(lukasRow.userId()), polledUsers.claim(List.of(lukasRow), now), "the first claim takes it");
        assertEquals(List.of(), polledUsers.claim(List.of(lukasRow), now), "a claim on the same read gets nothing");

        // Exchange throttles the account: nothing is sent before its back-off ends, then the change is read.
        Slot tentative = offered.get(offered.size() - 2);
        Instant throttledFrom = Instant.now();
        try {
            simulator.addFault(Json.createObjectBuilder().add("kind", "SERVER_BUSY").add("mailbox", account.serviceMailbox())
                    .add("operation", "getSchedule").add("millis", BACK_OFF.toMillis()).add("times", 1).build());
            simulator.addEvent(anna, tentative.start(), tentative.end(), "Tentative");
            TestAccounts.await(() -> store.of(annaUser.id(), new TimeWindow(tentative.start(), tentative.end())).equals(
                            List.of(new BusyInterval(tentative.start(), tentative.end(), BusyType.TENTATIVE))), SOON,
                    "the tentative meeting read after the back-off");
            List<JsonObject> sent = simulator.requestsBy(caller, "getSchedule", throttledFrom).stream()
                    .sorted(Comparator.comparing(r -> Instant.parse(r.getString("time")))).toList();
            JsonObject refused = sent.stream().filter(r -> r.getInt("httpStatus") == 429).findFirst().orElseThrow(
                    () -> new AssertionError("the throttled poll: " + sent));
            Instant backOffEnds = Instant.parse(refused.getString("time")).plus(BACK_OFF);
            assertTrue(sent.stream().map(r -> Instant.parse(r.getString("time")))
                            .filter(at -> at.isAfter(Instant.parse(refused.getString("time"))))
                            .allMatch(at -> !at.isBefore(backOffEnds.minusMillis(100))),
                    "nothing sent before the back-off ends at " + backOffEnds + ": " + sent);
        } finally {
            simulator.clearFaults();
        }
    }

    /**
     * The times of the polls that read the user: the first of each run of requests naming them (a poll
     * sends one request per window of the horizon, at once; the user's next poll comes at least the
     * shorter interval after the busy time was stored).
     */
    private static List<Instant> polls(List<JsonObject> schedules, String user) {
        List<Instant> polls = new ArrayList<>();
        Instant last = null;
        List<JsonObject> inOrder = schedules.stream().sorted(Comparator.comparing(s -> Instant.parse(s.getString("time")))).toList();
        for (JsonObject schedule : inOrder) {
            if (!schedule.getJsonArray("targetMailboxes").getValuesAs(JsonString.class).stream()
                    .anyMatch(m -> m.getString().equalsIgnoreCase(user))) {
                continue;
            }
            Instant at = Instant.parse(schedule.getString("time"));
            if (last == null || Duration.between(last, at).compareTo(Duration.ofMillis(BOOKED_SECONDS * 750L)) > 0) {
                polls.add(at);
            }
            last = at;
        }
        return polls;
    }

    private List<Slot> slotsOf(TestAccount account, BookableUser user) {
        LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
        SlotQuery query = SlotQuery.within(policy.rules(), Instant.now(), tomorrow, tomorrow.plusDays(5), BERLIN,
                Duration.ofMinutes(30), Duration.ofMinutes(30), Optional.empty(), Optional.empty(), Optional.empty(),
                SlotQuery.Mode.ANY);
        return freeSlots.find(account.account(), versions.current(account.id()), List.of(user.address()), query, Optional.empty()).slots();
    }

    private String newMailbox(String name) {
        String address = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.test";
        simulator.addMailbox(address, "Pw-" + UUID.randomUUID());
        return address;
    }

    private BookableUser user(TestAccount account, String address) {
        return fixture.usersOf(account).stream().filter(u -> u.address().value().equals(address)).findFirst().orElseThrow();
    }
}
