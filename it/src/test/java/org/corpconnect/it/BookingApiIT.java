package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The booking API as the front end uses it: each booking written exactly once into the user's calendar;
 * the same tests for each protocol ({@link BookingApiEwsIT}, {@link BookingApiGraphIT}).
 */
@ServerTest
@RunAsClient
abstract class BookingApiIT {

    static final String ANNA = "anna.schmidt@contoso.test";
    private static final SimulatorControl SIMULATOR = SimulatorControl.ofTestRun();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    /** The protocol of every account this class connects. */
    abstract Protocol protocol();

    private static final List<String> API_KEYS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void demoData() {
        SIMULATOR.loadDemo();
    }

    @AfterAll
    static void noAnswerCarriedASecret() {
        Api.assertNoSecretInAnswers(API_KEYS);
    }

    Api.Tenant tenant(String users) {
        Api.Tenant tenant = Api.tenant(users, "IMPERSONATION", protocol());
        API_KEYS.add(tenant.apiKey());
        return tenant;
    }

    @Test
    void exchangeThrottlingGives503WithRetryAfterAndARetryWithTheSameKeyBooks() {
        Api.Tenant tenant = tenant(ANNA);
        Instant[] slot = freeHour(ANNA, 14);
        String key = UUID.randomUUID().toString();
        // ErrorServerBusy with BackOffMilliseconds (Graph: 429 with Retry-After).
        SIMULATOR.addFault(Json.createObjectBuilder().add("kind", "SERVER_BUSY").add("operation", protocol().createItem)
                .add("mailbox", tenant.caller()).add("millis", 3000).add("times", 1).build());
        try {
            HttpResponse<String> throttled = Api.postJson(tenant, "v1/bookings", key, booking(ANNA, slot, "Busy server"));

            assertEquals(503, throttled.statusCode(), throttled.body());
            assertTrue(throttled.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals("3", throttled.headers().firstValue("Retry-After").orElse(""), "Exchange's back-off, in seconds");
            assertTrue(itemsOf(ANNA, slot, "Busy server").isEmpty());

            HttpResponse<String> retry = Api.postJson(tenant, "v1/bookings", key, booking(ANNA, slot, "Busy server"));
            assertEquals(200, retry.statusCode(), retry.body());
            assertEquals("CONFIRMED", Server.json(retry).getString("status"));
            assertEquals(1, itemsOf(ANNA, slot, "Busy server").size());
        } finally {
            SIMULATOR.clearFaults();
        }
    }

    @Test
    void fiftyConcurrentRequestsForOneSlotMakeOneBookingAndOneItem() throws Exception {
        Api.Tenant tenant = tenant(ANNA);
        Instant[] slot = freeHour(ANNA, 9);
        String body = booking(ANNA, slot, "Consultation");

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(), body);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            statuses.add(answer.get().statusCode());
        }
        pool.shutdown();

        Map<Integer, Long> counts = statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(Map.of(201, 1L, 409, 49L), counts);
        assertEquals(1, itemsOf(ANNA, slot, "Consultation").size(), "exactly one item in the calendar");
    }

    @Test
    void aDroppedExchangeAnswerAndAClientRetryStillMakeOneItem() {
        Api.Tenant tenant = tenant(ANNA);
        Instant[] slot = freeHour(ANNA, 11);
        String key = UUID.randomUUID().toString();
        SIMULATOR.addFault(Json.createObjectBuilder().add("kind", "COMMIT_THEN_DROP").add("operation", protocol().createItem)
                .add("mailbox", tenant.caller()).add("times", 1).build());
        try {
            HttpResponse<String> first = Api.postJson(tenant, "v1/bookings", key, booking(ANNA, slot, "Dropped answer"));
            HttpResponse<String> retry = Api.postJson(tenant, "v1/bookings", key, booking(ANNA, slot, "Dropped answer"));

            assertEquals(201, first.statusCode(), first.body());
            assertEquals(200, retry.statusCode(), retry.body());
            assertEquals(Server.json(first).getString("id"), Server.json(retry).getString("id"), "the same booking");
            assertEquals("CONFIRMED", Server.json(retry).getString("status"));
            assertEquals(1, itemsOf(ANNA, slot, "Dropped answer").size(), "found by its booking id, not written twice");
        } finally {
            SIMULATOR.clearFaults();
        }
    }

    @Test
    void theItemHoldsOnlyWhatTheBookingHoldsAndMovesAndGoesWithIt() {
        Api.Tenant tenant = tenant(ANNA);
        Instant[] slot = freeHour(ANNA, 13);
        Instant since = Instant.now();
        HttpResponse<String> created = Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(),
                booking(ANNA, slot, "Second opinion"));
        assertEquals(201, created.statusCode(), created.body());
        String id = Server.json(created).getString("id");
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/bookings/" + id));

        JsonObject item = itemsOf(ANNA, slot, "Second opinion").get(0);
        assertEquals("Busy", item.getString("freeBusy"));
        assertTrue(!item.containsKey("location") || item.isNull("location"), "no location: " + item);
        JsonObject stored = SIMULATOR.event(ANNA, item.getString("id"));
        assertEquals(1, stored.getJsonArray("extendedProperties").size(), "only the booking id: " + stored);
        assertEquals(id, stored.getJsonArray("extendedProperties").getJsonObject(0).getJsonArray("values").getString(0));
        for (JsonObject request : SIMULATOR.requestsBy(tenant.caller(), null, since)) {
            assertFalse(request.getJsonArray("requestedProperties").toString().matches("(?i).*(Subject|Body|Location|Attendee).*"),
                    "no event details read: " + request);
        }

        Instant[] later = freeHour(ANNA, 15);
        HttpResponse<String> moved = Api.send(Api.request(tenant, "v1/bookings/" + id).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("start", later[0].toString()).add("end", later[1].toString()).build().toString())));
        assertEquals(200, moved.statusCode(), moved.body());
        assertTrue(itemsOf(ANNA, slot, "Second opinion").isEmpty(), "not at the old slot any more");
        assertEquals(1, itemsOf(ANNA, later, "Second opinion").size(), "the same item at the new slot");

        HttpResponse<String> cancelled = Api.send(Api.request(tenant, "v1/bookings/" + id).DELETE());
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("CANCELLED", Server.json(cancelled).getString("status"));
        assertTrue(itemsOf(ANNA, later, "Second opinion").isEmpty(), "cancel removes the item");
    }

    @Test
    void anotherAccountsKeySeesNothingOfThisOne() {
        Api.Tenant mine = tenant(ANNA);
        Api.Tenant theirs = tenant("lukas.weber@contoso.test");
        Instant[] slot = freeHour(ANNA, 12);
        HttpResponse<String> created = Api.postJson(mine, "v1/bookings", UUID.randomUUID().toString(), booking(ANNA, slot, "Private"));
        String id = Server.json(created).getString("id");

        HttpResponse<String> read = Api.send(Api.request(theirs, "v1/bookings/" + id).GET());
        HttpResponse<String> cancel = Api.send(Api.request(theirs, "v1/bookings/" + id).DELETE());
        HttpResponse<String> book = Api.postJson(theirs, "v1/bookings", UUID.randomUUID().toString(), booking(ANNA, freeHour(ANNA, 8), "Sneaky"));
        HttpResponse<String> anonymous = Api.send(Api.request(null, "v1/bookings/" + id).GET());

        assertEquals(404, read.statusCode());
        assertEquals(404, cancel.statusCode());
        assertEquals(404, book.statusCode(), "her calendar is not bookable through another account: " + book.body());
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("CONFIRMED", Server.json(Api.send(Api.request(mine, "v1/bookings/" + id).GET())).getString("status"));

        Api.revoke(mine);
        assertEquals(401, Api.send(Api.request(mine, "v1/bookings/" + id).GET()).statusCode(), "a revoked key opens nothing");
    }

    @Test
    void malformedRequestsGetProblemsNeverServerErrors() {
        Api.Tenant tenant = tenant(ANNA);
        Instant[] slot = freeHour(ANNA, 10);
        Map<String, String> bodies = Map.of(
                "bad JSON", "{\"user\": ",
                "wrong types", "{\"user\": 42, \"start\": true, \"end\": [], \"title\": {}}",
                "end before start", booking(ANNA, new Instant[] {slot[1], slot[0]}, "Backwards"),
                "no offset", "{\"user\":\"" + ANNA + "\",\"start\":\"2030-01-01T10:00\",\"end\":\"2030-01-01T11:00\",\"title\":\"x\"}",
                "control characters", booking(ANNA, slot, "Bell\\u0007 and \\u0000"),
                "not an object", "[1,2,3]",
                "huge body", "{\"title\":\"" + "x".repeat(100_000) + "\"}",
                "unknown user", booking("nobody@contoso.test", slot, "Ghost"));
        bodies.forEach((what, body) -> {
            HttpResponse<String> answer = Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(), body);
            assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, what + ": " + answer.statusCode() + " " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), what);
            assertEquals(answer.statusCode(), Server.json(answer).getInt("status"), what);
        });
        HttpResponse<String> noKey = Api.postJson(tenant, "v1/bookings", null, booking(ANNA, slot, "No key"));
        assertEquals(400, noKey.statusCode());
        assertTrue(noKey.body().contains("Idempotency-Key"), noKey.body());
        HttpResponse<String> unicode = Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(),
                booking(ANNA, slot, "Beratung für Jürgen 👋 — 予約"));
        assertEquals(201, unicode.statusCode(), unicode.body());
        assertEquals("Beratung für Jürgen 👋 — 予約", Server.json(unicode).getString("title"));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        HttpResponse<String> openapi = Server.get(Server.root().resolve("openapi"));

        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/v1/bookings"), openapi.body());
        assertTrue(openapi.body().contains("Idempotency-Key"));
    }

    /**
     * A free hour of the user's, ten days from now at the given UTC hour (or the next weekday that has
     * one): the booking rules take only working hours (Anna: 08:00-17:00 in Berlin, Monday to Friday).
     */
    static Instant[] freeHour(String user, int utcHour) {
        for (int day = 10; day < 40; day++) {
            Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(day)).plus(Duration.ofHours(utcHour));
            if (start.atZone(java.time.ZoneId.of("Europe/Berlin")).getDayOfWeek().getValue() > 5) {
                continue;
            }
            Instant end = start.plus(Duration.ofHours(1));
            boolean free = SIMULATOR.events(user, start, end).stream()
                    .allMatch(e -> "Free".equals(e.getString("freeBusy")));
            if (free) {
                return new Instant[] {start, end};
            }
        }
        throw new AssertionError("no free hour for " + user);
    }

    static List<JsonObject> itemsOf(String user, Instant[] slot, String title) {
        return SIMULATOR.events(user, slot[0], slot[1]).stream()
                .filter(e -> title.equals(e.getString("subject")))
                .toList();
    }

    static String booking(String user, Instant[] slot, String title) {
        return "{\"user\":\"" + user + "\",\"start\":\"" + slot[0] + "\",\"end\":\"" + slot[1] + "\",\"title\":\"" + title + "\"}";
    }
}
