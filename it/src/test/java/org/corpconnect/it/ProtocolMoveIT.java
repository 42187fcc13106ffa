package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An account moved from EWS to Microsoft Graph with its confirmed bookings: the new connection takes
 * over at once, every booking's item is carried over (translateExchangeIds), and each booking then
 * moved and cancelled through the API changes its own item exactly once, none left behind.
 */
@ServerTest
@RunAsClient
class ProtocolMoveIT {

    private static final SimulatorControl SIMULATOR = SimulatorControl.ofTestRun();
    private static final List<String> USERS = List.of("anna.schmidt@contoso.test", "lukas.weber@contoso.test",
            "lea.wagner@contoso.test", "felix.becker@contoso.test", "paul.schulz@contoso.test");
    private static final int BOOKINGS_PER_USER = 10;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    @BeforeAll
    static void demoData() {
        SIMULATOR.loadDemo();
    }

    @Test
    void fiftyConfirmedBookingsMovedToGraphAreEachMovedAndCancelledThroughTheirOwnItemOnce() {
        Api.Tenant tenant = Api.tenant(String.join(",", USERS), "IMPERSONATION");
        Map<String, Deque<Instant>> freeHours = new LinkedHashMap<>();
        USERS.forEach(user -> freeHours.put(user, freeHours(user, 2 * BOOKINGS_PER_USER)));
        Map<String, String> ownerOf = new LinkedHashMap<>();
        for (String user : USERS) {
            for (int i = 0; i < BOOKINGS_PER_USER; i++) {
                Instant start = freeHours.get(user).pop();
                String body = booking(user, start, "Moved along " + i);
                HttpResponse<String> created = within(() -> Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(), body));
                assertEquals(201, created.statusCode(), created.body());
                JsonObject booking = Server.json(created);
                assertEquals("CONFIRMED", booking.getString("status"));
                ownerOf.put(booking.getString("id"), user);
            }
        }
        assertEquals(50, ownerOf.size());

        JsonObject moved = move(tenant, "graph");

        assertTrue(audit(moved).contains("connection.protocol-moved SUCCESS"), audit(moved));
        assertTrue(audit(moved).contains("connection.items-carried-over SUCCESS: 50 of 50"), audit(moved));
        Instant since = Instant.now();
        for (Map.Entry<String, String> booking : ownerOf.entrySet()) {
            Instant start = freeHours.get(booking.getValue()).pop();
            HttpResponse<String> rescheduled = within(() -> Api.send(Api.request(tenant, "v1/bookings/" + booking.getKey())
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                            .add("start", start.toString()).add("end", start.plus(Duration.ofHours(1)).toString()).build()
                            .toString()))));
            assertEquals(200, rescheduled.statusCode(), rescheduled.body());
            assertEquals(1, itemsOf(booking.getValue(), Server.json(rescheduled).getString("title"), start).size(),
                    "the same item, at the new hour");
        }
        for (String id : ownerOf.keySet()) {
            HttpResponse<String> cancelled = within(() -> Api.send(Api.request(tenant, "v1/bookings/" + id).DELETE()));
            assertEquals(200, cancelled.statusCode(), cancelled.body());
            assertEquals("CANCELLED", Server.json(cancelled).getString("status"));
        }

        // Graph's log names the app and the target mailbox; these users' calendars are this test's alone.
        List<JsonObject> graph = SIMULATOR.requests(null, since).stream()
                .filter(r -> TestExchange.CENTRAL_APP_ID.equals(r.getString("application", "")))
                .filter(r -> r.getJsonArray("targetMailboxes").getValuesAs(jakarta.json.JsonString.class).stream()
                        .anyMatch(t -> USERS.contains(t.getString().toLowerCase(java.util.Locale.ROOT))))
                .toList();
        assertEquals(50, count(graph, "updateEvent"), "each item moved once, through Graph");
        assertEquals(50, count(graph, "cancelEvent") + count(graph, "deleteEvent"), "each item removed once");
        assertEquals(0, count(graph, "createEvent"), "nothing written twice");
        assertEquals(0, count(graph, "listEvents"), "no item had to be searched for: every one was carried over");
        assertEquals(List.of(), SIMULATOR.requestsBy(tenant.serviceMailbox(), null, since), "no EWS after the move");
        for (String user : USERS) {
            Set<String> left = new HashSet<>();
            SIMULATOR.events(user, Instant.now(), Instant.now().plus(Duration.ofDays(60))).stream()
                    .filter(e -> e.getString("subject", "").startsWith("Moved along")).forEach(e -> left.add(e.toString()));
            assertEquals(Set.of(), left, "no item of a cancelled booking is left in " + user + "'s calendar");
        }
    }

    /** The booking's items in the user's calendar at that hour (the simulator's own view; titles are unique per user). */
    private static List<JsonObject> itemsOf(String user, String title, Instant start) {
        return SIMULATOR.events(user, start, start.plus(Duration.ofHours(1))).stream()
                .filter(e -> title.equals(e.getString("subject", "")))
                .toList();
    }

    private static JsonObject move(Api.Tenant tenant, String to) {
        return Server.json(Api.send(HttpRequest.newBuilder(Server.app().resolve("it-protocol-move?account=" + tenant.accountId()
                + "&serviceMailbox=" + URLEncoder.encode(tenant.serviceMailbox(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(tenant.servicePassword(), StandardCharsets.UTF_8) + "&to=" + to))
                .POST(HttpRequest.BodyPublishers.noBody())));
    }

    private static String audit(JsonObject answer) {
        StringBuilder text = new StringBuilder();
        answer.getJsonArray("audit").getValuesAs(JsonObject.class).forEach(e -> text.append(e.getString("action")).append(' ')
                .append(e.getString("outcome")).append(": ").append(e.getString("detail")).append('\n'));
        return text.toString();
    }

    private static long count(List<JsonObject> requests, String operation) {
        return requests.stream().filter(r -> operation.equals(r.getString("operation"))).count();
    }

    /** The account's cap on booking changes per minute answers 429 with Retry-After: wait as a front end must. */
    private static HttpResponse<String> within(Supplier<HttpResponse<String>> call) {
        HttpResponse<String> answer = call.get();
        for (int tries = 0; answer.statusCode() == 429 && tries < 200; tries++) {
            long seconds = Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1"));
            try {
                Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            answer = call.get();
        }
        return answer;
    }

    /** Whole hours in the user's working day (Berlin), weekdays from day 10 on, free in the simulator. */
    private static Deque<Instant> freeHours(String user, int wanted) {
        Deque<Instant> free = new ArrayDeque<>();
        Instant first = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(10));
        List<JsonObject> events = SIMULATOR.events(user, first, first.plus(Duration.ofDays(45)));
        for (int day = 0; day < 45 && free.size() < wanted; day++) {
            for (int hour = 9; hour <= 14 && free.size() < wanted; hour++) {
                Instant start = first.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
                DayOfWeek weekday = start.atZone(ZoneId.of("Europe/Berlin")).getDayOfWeek();
                Instant end = start.plus(Duration.ofHours(1));
                boolean taken = events.stream().anyMatch(e -> !"Free".equals(e.getString("freeBusy"))
                        && Instant.parse(e.getString("start")).isBefore(end) && Instant.parse(e.getString("end")).isAfter(start));
                if (weekday.getValue() <= 5 && !taken) {
                    free.add(start);
                }
            }
        }
        assertEquals(wanted, free.size(), "free hours for " + user);
        return free;
    }

    private static String booking(String user, Instant start, String title) {
        return "{\"user\":\"" + user + "\",\"start\":\"" + start + "\",\"end\":\"" + start.plus(Duration.ofHours(1))
                + "\",\"title\":\"" + title + "\"}";
    }
}
