package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bookings and the calendar agree under faults: holds lapse (it/pom.xml sets booking.hold-minutes to 0.5,
 * booking.lease-seconds to 30 and the sweep to every 5 s), concurrent changes of one booking settle in step with its item, a
 * cancellation during the write wins, and an admin releases a hold while Exchange is down. The same
 * tests for each protocol ({@link BookingFaultsEwsIT}, {@link BookingFaultsGraphIT}).
 */
@ServerTest
@RunAsClient
abstract class BookingFaultsIT {

    private static final SimulatorControl SIMULATOR = SimulatorControl.ofTestRun();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** The hold and the write lease (30 s each in the IT domain) and the sweep's interval, with much room. */
    private static final Duration SETTLES_WITHIN = Duration.ofMinutes(4);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    /** The protocol of every account this class connects. */
    abstract Protocol protocol();

    @BeforeAll
    static void demoData() {
        SIMULATOR.loadDemo();
    }

    @AfterEach
    void exchangeBack() {
        SIMULATOR.clearFaults();
    }

    @Test
    void exchangeDownForLongerThanTheHoldGivesTheSlotBackAndTheBookingSaysWhy() {
        String user = "paul.schulz@contoso.test";
        JsonObject tenant = tenant(user);
        Api.Tenant api = api(tenant);
        Instant[] slot = freeWeekdayHour(user, 10);
        assertTrue(offered(api, user, slot), "free before the booking");

        SIMULATOR.addFault(down(api.caller()));
        HttpResponse<String> failed = book(api, user, slot, "While Exchange is down", UUID.randomUUID().toString());
        assertEquals(503, failed.statusCode(), failed.body());
        String id = bookingIdOf(api, user, slot);
        JsonObject held = booking(api, id);
        assertEquals("FAILED", held.getString("status"), held.toString());
        assertFalse(offered(api, user, slot), "held while the hold lasts");

        JsonObject released = await(() -> Optional.of(booking(api, id)).filter(b -> "RELEASED".equals(b.getString("status"))),
                "the hold lapses");
        assertTrue(released.getString("problem", "").contains("503"), "the booking keeps why it failed: " + released);
        assertTrue(offered(api, user, slot), "offered again once the hold lapsed");
        assertTrue(itemsOf(user, slot, "While Exchange is down").isEmpty());
    }

    @Test
    void aWriteThatLandedWithoutAnswerIsConfirmedByTheSweepWithOneItem() {
        String user = "lea.wagner@contoso.test";
        Api.Tenant api = api(tenant(user));
        Instant[] slot = freeWeekdayHour(user, 11);
        // The item is written but the answer lost, and the look that follows fails too: no client retry.
        SIMULATOR.addFault(fault("COMMIT_THEN_DROP", protocol().createItem, api.caller()).add("times", 1).build());
        SIMULATOR.addFault(fault("HTTP_503", protocol().findItem, api.caller()).build());

        HttpResponse<String> unanswered = book(api, user, slot, "Landed unseen", UUID.randomUUID().toString());
        assertEquals(503, unanswered.statusCode(), unanswered.body());
        String id = bookingIdOf(api, user, slot);
        assertEquals("FAILED", booking(api, id).getString("status"));
        assertEquals(1, itemsOf(user, slot, "Landed unseen").size(), "Exchange did write it");

        SIMULATOR.clearFaults();
        JsonObject confirmed = await(() -> Optional.of(booking(api, id)).filter(b -> "CONFIRMED".equals(b.getString("status"))),
                "the sweep finds the item");
        assertEquals(slot[0], Instant.parse(confirmed.getString("start")));
        assertEquals(1, itemsOf(user, slot, "Landed unseen").size(), "one item, never written twice");
    }

    @Test
    void twentyConcurrentMovesAndCancellationsLeaveTheBookingAndItsItemInStep() throws Exception {
        String user = "lukas.weber@contoso.test";
        Api.Tenant api = api(tenant(user));
        List<Instant[]> slots = freeWeekdayHours(user, 4);
        String id = Server.json(confirmed(api, user, slots.get(0), "Raced")).getString("id");
        SIMULATOR.addFault(fault("LATENCY", protocol().updateItem, api.caller()).add("millis", 1500).build());

        List<Integer> statuses = concurrently(20, i -> i % 5 == 4
                ? Api.request(api, "v1/bookings/" + id).DELETE()
                : patch(api, id, slots.get(1 + i % 3)));

        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), "no 5xx, only done or conflict: " + statuses);
        assertInStep(api, user, id, slots, "Raced");
    }

    @Test
    void twentyConcurrentMovesMoveTheItemWhereTheBookingSays() throws Exception {
        String user = "leon.richter@contoso.test";
        Api.Tenant api = api(tenant(user));
        List<Instant[]> slots = freeWeekdayHours(user, 4);
        String id = Server.json(confirmed(api, user, slots.get(0), "Moved about")).getString("id");
        SIMULATOR.addFault(fault("LATENCY", protocol().updateItem, api.caller()).add("millis", 1500).build());

        List<Integer> statuses = concurrently(20, i -> patch(api, id, slots.get(1 + i % 3)));

        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), "no 5xx: " + statuses);
        assertTrue(statuses.contains(200), "one move at least went through: " + statuses);
        assertEquals("CONFIRMED", booking(api, id).getString("status"));
        assertInStep(api, user, id, slots, "Moved about");
    }

    @Test
    void aCancellationDuringTheWriteWinsAndNoItemIsLeft() throws Exception {
        String user = "felix.becker@contoso.test";
        Api.Tenant api = api(tenant(user));
        Instant[] slot = freeWeekdayHour(user, 12);
        SIMULATOR.addFault(fault("LATENCY", protocol().createItem, api.caller()).add("millis", 4000).build());
        Instant since = Instant.now();

        CompletableFuture<HttpResponse<String>> booking = CompletableFuture.supplyAsync(
                () -> book(api, user, slot, "Cancelled early", UUID.randomUUID().toString()));
        String id = await(() -> Optional.ofNullable(bookingIdOrNull(api, user, slot)), "the booking is recorded");
        HttpResponse<String> cancelled = Api.send(Api.request(api, "v1/bookings/" + id).DELETE());
        HttpResponse<String> written = booking.get();

        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("CANCELLED", Server.json(cancelled).getString("status"));
        assertTrue(written.statusCode() < 500, written.body());
        assertEquals("CANCELLED", Server.json(written).getString("status"), "the write did not resurrect it");
        assertEquals(1, SIMULATOR.requestsBy(api.caller(), protocol().createItem, since).size(), "the write did happen");
        assertEquals("CANCELLED", booking(api, id).getString("status"));
        assertTrue(itemsOf(user, slot, "Cancelled early").isEmpty(), "the writer removed its item");
    }

    @Test
    void anAdminReleasesAHoldWhileExchangeIsDownAndTheAuditLogSaysSo() {
        String user = "marie.hoffmann@contoso.test";
        JsonObject tenant = tenant(user);
        Api.Tenant api = api(tenant);
        Instant[] slot = freeWeekdayHour(user, 13);
        // Signed in first: the release has to come within the hold, short in the test domain.
        AdminSession admin = AdminSession.signIn(tenant.getString("adminUsername"), tenant.getString("adminPassword"));
        SIMULATOR.addFault(down(api.caller()));
        assertEquals(503, book(api, user, slot, "Held", UUID.randomUUID().toString()).statusCode());
        String id = bookingIdOf(api, user, slot);
        assertFalse(offered(api, user, slot));

        String page = "admin/accounts/" + tenant.getString("accountKey") + "/bookings";
        String bookings = admin.page(page + "?from=" + slot[0].atZone(ZoneOffset.UTC).toLocalDate());
        assertTrue(bookings.contains("name=\"bookingId\" value=\"" + id + "\""), "the hold is listed with its form");
        String csrf = AdminSession.csrfOf(bookings);

        HttpResponse<String> forged = admin.postAsIs(page, AdminSession.form(Map.of("action", "release", "bookingId", id,
                "csrf", "forged")));
        assertNotEquals(302, forged.statusCode(), "no change without the form's token");
        assertEquals("FAILED", booking(api, id).getString("status"));

        HttpResponse<String> released = admin.postAsIs(page, AdminSession.form(Map.of("action", "release", "bookingId", id,
                "csrf", csrf)));
        assertEquals(302, released.statusCode(), released.body());
        JsonObject booking = booking(api, id);
        assertEquals("RELEASED", booking.getString("status"));
        assertTrue(booking.getString("problem", "").contains("503"), "it keeps why it failed: " + booking);
        assertTrue(offered(api, user, slot), "the slot is offered again at once");

        String audit = admin.page("admin/accounts/" + tenant.getString("accountKey") + "/audit");
        assertTrue(audit.contains("booking.released") && audit.contains(id) && audit.contains(tenant.getString("adminUsername")),
                "the audit log records who released which booking");
    }

    // ---- The booking and its item agree.

    private static void assertInStep(Api.Tenant api, String user, String id, List<Instant[]> slots, String title) {
        JsonObject booking = booking(api, id);
        List<JsonObject> items = slots.stream().flatMap(s -> itemsOf(user, s, title).stream())
                .collect(Collectors.toMap(i -> i.getString("id"), i -> i, (a, b) -> a)).values().stream().toList();
        if ("CANCELLED".equals(booking.getString("status"))) {
            assertEquals(List.of(), items, "a cancelled booking leaves no item");
        } else {
            assertEquals("CONFIRMED", booking.getString("status"), booking.toString());
            assertEquals(1, items.size(), "one item: " + items);
            assertEquals(Instant.parse(booking.getString("start")), Instant.parse(items.get(0).getString("start")), booking + " " + items);
            assertEquals(Instant.parse(booking.getString("end")), Instant.parse(items.get(0).getString("end")), booking + " " + items);
        }
    }

    // ---- Helpers.

    private JsonObject tenant(String user) {
        return Api.fixture(user, "IMPERSONATION", protocol());
    }

    private static Api.Tenant api(JsonObject tenant) {
        return Api.Tenant.of(tenant);
    }

    /** Every request of the tenant's (its dedicated mailbox's, or its app's) answers 503: Exchange is down for this account. */
    private static JsonObject down(String caller) {
        return fault("HTTP_503", null, caller).build();
    }

    private static jakarta.json.JsonObjectBuilder fault(String kind, String operation, String mailbox) {
        var rule = Json.createObjectBuilder().add("kind", kind).add("mailbox", mailbox).add("times", -1);
        return operation == null ? rule : rule.add("operation", operation);
    }

    private static HttpResponse<String> book(Api.Tenant api, String user, Instant[] slot, String title, String key) {
        return Api.postJson(api, "v1/bookings", key, "{\"user\":\"" + user + "\",\"start\":\"" + slot[0] + "\",\"end\":\""
                + slot[1] + "\",\"title\":\"" + title + "\"}");
    }

    private static HttpResponse<String> confirmed(Api.Tenant api, String user, Instant[] slot, String title) {
        HttpResponse<String> created = book(api, user, slot, title, UUID.randomUUID().toString());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("CONFIRMED", Server.json(created).getString("status"));
        return created;
    }

    private static HttpRequest.Builder patch(Api.Tenant api, String id, Instant[] slot) {
        return Api.request(api, "v1/bookings/" + id).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("start", slot[0].toString()).add("end", slot[1].toString()).build().toString()));
    }

    private static JsonObject booking(Api.Tenant api, String id) {
        HttpResponse<String> answer = Api.send(Api.request(api, "v1/bookings/" + id).GET());
        assertEquals(200, answer.statusCode(), answer.body());
        return Server.json(answer);
    }

    private static String bookingIdOf(Api.Tenant api, String user, Instant[] slot) {
        String id = bookingIdOrNull(api, user, slot);
        assertTrue(id != null, "the booking is recorded");
        return id;
    }

    private static String bookingIdOrNull(Api.Tenant api, String user, Instant[] slot) {
        JsonObject list = Server.json(Api.send(Api.request(api, "v1/bookings?from=" + slot[0] + "&to=" + slot[1]).GET()));
        return list.getJsonArray("bookings").getValuesAs(JsonObject.class).stream()
                .filter(b -> user.equals(b.getString("user")))
                .map(b -> b.getString("id")).findFirst().orElse(null);
    }

    /** Whether availability offers this one-hour slot of the user's. */
    private static boolean offered(Api.Tenant api, String user, Instant[] slot) {
        String day = slot[0].atZone(BERLIN).toLocalDate().toString();
        HttpResponse<String> answer = Api.send(Api.request(api, "v1/availability?users=" + user + "&from=" + day + "&to=" + day
                + "&zone=Europe/Berlin&slot=60").GET());
        assertEquals(200, answer.statusCode(), answer.body());
        return Server.json(answer).getJsonArray("slots").getValuesAs(JsonObject.class).stream()
                .anyMatch(s -> OffsetDateTime.parse(s.getString("start")).toInstant().equals(slot[0]));
    }

    private static List<Integer> concurrently(int count, java.util.function.IntFunction<HttpRequest.Builder> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpRequest.Builder builder = request.apply(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return Api.send(builder);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() >= 500) {
                    System.err.println("5xx: " + response.body());
                }
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    private static <T> T await(Supplier<Optional<T>> condition, String what) {
        Instant deadline = Instant.now().plus(SETTLES_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not within " + SETTLES_WITHIN + ": " + what);
    }

    /** A free hour of the user's on a weekday 10 or more days ahead, at the given UTC hour (within working hours). */
    private static Instant[] freeWeekdayHour(String user, int utcHour) {
        return freeWeekdayHours(user, utcHour, 1).get(0);
    }

    /** Free hours of the user's from 09:00 UTC on, on one weekday 10 or more days ahead (within everyone's working hours). */
    private static List<Instant[]> freeWeekdayHours(String user, int count) {
        return freeWeekdayHours(user, 9, count);
    }

    private static List<Instant[]> freeWeekdayHours(String user, int fromUtcHour, int count) {
        for (int day = 10; day < 60; day++) {
            Instant midnight = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(day));
            DayOfWeek weekday = midnight.atZone(ZoneOffset.UTC).getDayOfWeek();
            if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
                continue;
            }
            List<Instant[]> free = new ArrayList<>();
            for (int hour = fromUtcHour; hour < 15 && free.size() < count; hour++) {
                Instant start = midnight.plus(Duration.ofHours(hour));
                Instant end = start.plus(Duration.ofHours(1));
                if (SIMULATOR.events(user, start, end).stream().allMatch(e -> "Free".equals(e.getString("freeBusy")))) {
                    free.add(new Instant[] {start, end});
                }
            }
            if (free.size() == count) {
                return free;
            }
        }
        throw new AssertionError("no " + count + " free hours for " + user);
    }

    private static List<JsonObject> itemsOf(String user, Instant[] slot, String title) {
        return SIMULATOR.events(user, slot[0], slot[1]).stream()
                .filter(e -> title.equals(e.getString("subject", "")))
                .toList();
    }
}
