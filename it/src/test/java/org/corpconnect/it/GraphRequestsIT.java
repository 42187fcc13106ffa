package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the product asks Microsoft Graph for, read from the simulator's request log of an account on
 * Graph (app-only): other people's busy time only through getSchedule, which carries start, end and
 * status; an event read for its ids alone, or for where it is (start, end, whether cancelled: the booking's
 * Outlook-side changes), and only the booking's own; and never more than Graph's 4
 * requests in flight per mailbox, which the simulator enforces as Exchange Online does (a fifth is
 * answered 429), so that a 429 in the log would be the product's fault.
 */
@ServerTest
@RunAsClient
class GraphRequestsIT {

    private static final SimulatorControl SIMULATOR = SimulatorControl.ofTestRun();
    private static final String ANNA = "anna.schmidt@contoso.test";
    private static final List<String> USERS = List.of(ANNA, "lukas.weber@contoso.test", "sophie.mueller@contoso.test",
            "jonas.fischer@contoso.test", "lea.wagner@contoso.test");
    private static final int BOOKINGS = 12;
    /** Graph operations that read events or calendars other than by getSchedule, none of which the product may send. */
    private static final Set<String> EVENT_READS = Set.of("calendarView", "calendarViewDelta", "listInstances");
    /** All a booking's own event is ever read for besides its ids: where it is now (OutlookChanges). */
    private static final Set<String> ITEM_STATE = Set.of("start", "end", "isCancelled");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    @AfterEach
    void exchangeBack() {
        SIMULATOR.clearFaults();
    }

    @Test
    void busyTimeOnlyThroughGetScheduleEventsReadForIdsAloneAndAtMostFourRequestsAtOncePerMailbox() throws Exception {
        SIMULATOR.loadDemo();
        Instant since = Instant.now();
        Api.Tenant tenant = Api.tenant(String.join(",", USERS), "IMPERSONATION", Protocol.GRAPH);
        List<Instant[]> hours = freeWeekdayHours(ANNA, 2 * BOOKINGS);
        // Every write to Anna's calendar takes a second: without the product's own limit, twelve would be in flight.
        for (String write : List.of("createEvent", "updateEvent", "deleteEvent", "cancelEvent")) {
            SIMULATOR.addFault(Json.createObjectBuilder().add("kind", "LATENCY").add("operation", write).add("mailbox", ANNA)
                    .add("millis", 1000).add("times", -1).build());
        }

        List<HttpResponse<String>> created = concurrently(BOOKINGS, i -> Api.request(tenant, "v1/bookings")
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(booking(hours.get(i), i))));
        assertEquals(List.of(201), statuses(created), "every booking written");
        List<String> ids = created.stream().map(r -> Server.json(r).getString("id")).toList();
        List<HttpResponse<String>> moved = concurrently(BOOKINGS, i -> Api.request(tenant, "v1/bookings/" + ids.get(i))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder().add("start", hours.get(BOOKINGS + i)[0].toString())
                                .add("end", hours.get(BOOKINGS + i)[1].toString()).build().toString())));
        assertEquals(List.of(200), statuses(moved), "every booking moved");
        List<HttpResponse<String>> cancelled = concurrently(BOOKINGS, i -> Api.request(tenant, "v1/bookings/" + ids.get(i)).DELETE());
        assertEquals(List.of(200), statuses(cancelled), "every booking cancelled");

        List<JsonObject> requests = SIMULATOR.requestsBy(tenant.caller(), null, since);
        Map<String, List<JsonObject>> byOperation = requests.stream().collect(Collectors.groupingBy(r -> r.getString("operation")));
        assertEquals(BOOKINGS, byOperation.getOrDefault("createEvent", List.of()).size(), "one write per booking: " + byOperation.keySet());
        assertEquals(BOOKINGS, byOperation.getOrDefault("updateEvent", List.of()).size());
        assertTrue(requests.stream().noneMatch(r -> r.getInt("httpStatus") == 429),
                "never over Graph's 4 requests in flight per mailbox: " + requests.stream().filter(r -> r.getInt("httpStatus") == 429).toList());

        assertTrue(Set.of("getCalendar", "getSchedule", "createEvent", "listEvents", "getEvent", "updateEvent", "deleteEvent", "cancelEvent")
                .containsAll(byOperation.keySet()), "only these operations: " + byOperation.keySet());
        assertFalse(byOperation.keySet().stream().anyMatch(EVENT_READS::contains), "no event read: " + byOperation.keySet());
        for (JsonObject schedule : byOperation.get("getSchedule")) {
            // The URL's mailbox first, then the schedules asked for.
            List<String> targets = strings(schedule, "targetMailboxes");
            assertEquals(tenant.serviceMailbox(), targets.get(0), "asked as the dedicated mailbox: " + schedule);
            assertTrue(USERS.containsAll(targets.subList(1, targets.size())), "the account's users only: " + schedule);
            assertEquals(List.of(), strings(schedule, "requestedProperties"));
        }
        for (JsonObject calendar : byOperation.get("getCalendar")) {
            assertTrue(Set.of("id", "canEdit").containsAll(strings(calendar, "requestedProperties"))
                    && !strings(calendar, "requestedProperties").isEmpty(), "a calendar opened for its rights alone: " + calendar);
            assertTrue(Set.of("id", "canEdit").containsAll(strings(calendar, "returnedProperties")), calendar.toString());
        }
        for (JsonObject found : byOperation.getOrDefault("listEvents", List.of())) {
            assertEquals(List.of(ANNA), strings(found, "targetMailboxes"));
            assertTrue(Set.of("id", "changeKey").containsAll(strings(found, "requestedProperties"))
                    && !strings(found, "requestedProperties").isEmpty(), "a booking's event looked up for its ids: " + found);
            assertTrue(Set.of("id", "changeKey").containsAll(strings(found, "returnedProperties")), found.toString());
        }
        for (JsonObject read : byOperation.getOrDefault("getEvent", List.of())) {
            assertEquals(List.of(ANNA), strings(read, "targetMailboxes"));
            assertTrue(ITEM_STATE.containsAll(strings(read, "requestedProperties"))
                    && (read.getInt("httpStatus") != 200 || !strings(read, "requestedProperties").isEmpty()),
                    "a booking's event read for where it is: " + read);
            assertTrue(ITEM_STATE.containsAll(strings(read, "returnedProperties")), read.toString());
        }
        for (String write : List.of("createEvent", "updateEvent", "deleteEvent", "cancelEvent")) {
            for (JsonObject request : byOperation.getOrDefault(write, List.of())) {
                assertEquals(List.of(ANNA), strings(request, "targetMailboxes"), "only the booking's own event: " + request);
            }
        }
    }

    private static List<Integer> statuses(List<HttpResponse<String>> answers) {
        List<String> failures = answers.stream().filter(a -> a.statusCode() >= 300).map(a -> a.statusCode() + " " + a.body()).toList();
        assertTrue(failures.isEmpty() || answers.stream().map(HttpResponse::statusCode).distinct().count() > 1, failures.toString());
        return answers.stream().map(HttpResponse::statusCode).distinct().toList();
    }

    private static List<String> strings(JsonObject request, String field) {
        return request.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static String booking(Instant[] slot, int i) {
        return "{\"user\":\"" + ANNA + "\",\"start\":\"" + slot[0] + "\",\"end\":\"" + slot[1] + "\",\"title\":\"Graph request "
                + i + "\"}";
    }

    private static List<HttpResponse<String>> concurrently(int count, IntFunction<HttpRequest.Builder> request) throws Exception {
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
            List<HttpResponse<String>> out = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                out.add(answer.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /** Free hours of the user's, on weekdays 10 or more days ahead, from 08:00 to 14:00 UTC (within her working hours). */
    private static List<Instant[]> freeWeekdayHours(String user, int count) {
        List<Instant[]> free = new ArrayList<>();
        for (int day = 10; day < 80 && free.size() < count; day++) {
            Instant midnight = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(day));
            DayOfWeek weekday = midnight.atZone(ZoneOffset.UTC).getDayOfWeek();
            if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
                continue;
            }
            for (int hour = 8; hour < 15 && free.size() < count; hour++) {
                Instant start = midnight.plus(Duration.ofHours(hour));
                Instant end = start.plus(Duration.ofHours(1));
                if (SIMULATOR.events(user, start, end).stream().allMatch(e -> "Free".equals(e.getString("freeBusy")))) {
                    free.add(new Instant[] {start, end});
                }
            }
        }
        assertEquals(count, free.size(), "free hours of " + user);
        return free;
    }
}
