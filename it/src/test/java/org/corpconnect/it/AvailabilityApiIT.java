package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Availability as the front end sees it, compared with what the simulator's calendars imply, worked
 * out here the plain way: every half hour, each user's working hours as the simulator's directory has
 * them (Exchange reports them with the free/busy), and every Busy, Tentative or OOF event.
 */
@ServerTest
@RunAsClient
class AvailabilityApiIT {

    private static final String ANNA = "anna.schmidt@contoso.test";
    private static final String LUKAS = "lukas.weber@contoso.test";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<String> BLOCKING = Set.of("Busy", "Tentative", "OOF");
    private static final SimulatorControl SIMULATOR = SimulatorControl.ofTestRun();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    @BeforeAll
    static void demoData() {
        SIMULATOR.loadDemo();
    }

    @Test
    void freeSlotsAreWhatTheCalendarsImplyInAnyZoneAndAcrossTheDstChange() {
        Api.Tenant tenant = Api.tenant(ANNA + "," + LUKAS, "IMPERSONATION");
        LocalDate nextMonday = LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate dstWeek = LocalDate.of(2027, 3, 25);

        for (var query : List.of(new Object[] {nextMonday, nextMonday.plusDays(4), BERLIN},
                new Object[] {dstWeek, dstWeek.plusDays(5), ZoneId.of("Asia/Tokyo")},
                new Object[] {dstWeek, dstWeek.plusDays(5), ZoneId.of("America/New_York")})) {
            LocalDate from = (LocalDate) query[0];
            LocalDate to = (LocalDate) query[1];
            ZoneId zone = (ZoneId) query[2];
            HttpResponse<String> answer = Api.send(Api.request(tenant, "v1/availability?users=" + ANNA + "," + LUKAS
                    + "&from=" + from + "&to=" + to + "&zone=" + enc(zone.getId()) + "&slot=30&notice=0").GET());

            assertEquals(200, answer.statusCode(), answer.body());
            JsonObject json = Server.json(answer);
            List<String> actual = json.getJsonArray("slots").getValuesAs(JsonObject.class).stream()
                    .map(s -> Instant.from(OffsetDateTime.parse(s.getString("start"))) + " " + s.getJsonArray("users"))
                    .toList();
            assertEquals(expected(from, to, zone), actual, "slots of " + from + ".." + to + " in " + zone);
            json.getJsonArray("slots").getValuesAs(JsonObject.class).forEach(s -> assertEquals(
                    ZonedDateTime.ofInstant(Instant.from(OffsetDateTime.parse(s.getString("start"))), zone).getOffset(),
                    OffsetDateTime.parse(s.getString("start")).getOffset(), "times carry the zone's offset"));
            json.getJsonArray("users").getValuesAs(JsonObject.class).forEach(u -> {
                assertTrue(u.getBoolean("readable"), u.toString());
                assertTrue(u.containsKey("refreshedAt"), "freshness per user: " + u);
            });
        }
    }

    @Test
    void aUserWhoseCalendarCannotBeReadIsReportedNeverFree() {
        String oliver = "oliver.smith@contoso.test"; // no access at all, Default None
        Api.Tenant tenant = Api.tenant(ANNA + "," + oliver, "IMPERSONATION");
        LocalDate nextMonday = LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String range = "&from=" + nextMonday + "&to=" + nextMonday.plusDays(4) + "&zone=Europe/Berlin&notice=0";

        JsonObject any = Server.json(Api.send(Api.request(tenant, "v1/availability?users=" + ANNA + "," + oliver + range).GET()));
        JsonObject all = Server.json(Api.send(Api.request(tenant, "v1/availability?mode=all&users=" + ANNA + "," + oliver + range).GET()));

        JsonObject oliverState = any.getJsonArray("users").getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getString("user").equals(oliver)).findFirst().orElseThrow();
        assertFalse(oliverState.getBoolean("readable"));
        assertTrue(oliverState.containsKey("problem"), oliverState.toString());
        assertFalse(any.getJsonArray("slots").isEmpty(), "Anna is still free at times");
        assertTrue(any.getJsonArray("slots").getValuesAs(JsonObject.class).stream()
                .noneMatch(s -> s.getJsonArray("users").toString().contains(oliver)), "Oliver is never shown free");
        assertTrue(all.getJsonArray("slots").isEmpty(), "nobody is free together with an unreadable user");
    }

    /**
     * The availability answers are kept in memory between requests: a booking, and its cancellation, must
     * show in the very next answer, asked at once, repeatedly, with answers cached before each change.
     */
    @Test
    void aSlotBookedAMomentAgoIsTakenInTheNextAnswerAndFreeAgainOnceCancelled() {
        Api.Tenant tenant = Api.tenant(ANNA + "," + LUKAS, "IMPERSONATION");
        LocalDate day = LocalDate.now(BERLIN).plusDays(8);
        String query = "v1/availability?users=" + ANNA + "," + LUKAS + "&from=" + day + "&to=" + day.plusDays(6)
                + "&zone=Europe/Berlin&slot=30&notice=0";
        for (int round = 0; round < 3; round++) {
            List<JsonObject> before = slotsOf(tenant, query);
            assertEquals(before.stream().map(JsonObject::toString).toList(), slotsOf(tenant, query).stream()
                    .map(JsonObject::toString).toList(), "the same answer twice with nothing changed");
            JsonObject free = before.stream().filter(s -> s.getJsonArray("users").getString(0).equals(ANNA))
                    .findFirst().orElseThrow(() -> new AssertionError("Anna is free somewhere: " + before));
            HttpResponse<String> booked = Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(),
                    "{\"user\":\"" + ANNA + "\",\"start\":\"" + free.getString("start") + "\",\"end\":\""
                            + free.getString("end") + "\",\"title\":\"Taken at once " + round + "\"}");
            assertEquals(201, booked.statusCode(), booked.body());

            assertFalse(freeAt(slotsOf(tenant, query), free.getString("start"), ANNA),
                    "the slot booked a moment ago is not offered for Anna: " + free);
            String id = Server.json(booked).getString("id");
            HttpResponse<String> cancelled = Api.send(Api.request(tenant, "v1/bookings/" + id).DELETE());
            assertEquals(200, cancelled.statusCode(), cancelled.body());
            assertTrue(freeAt(slotsOf(tenant, query), free.getString("start"), ANNA),
                    "the slot is free again once the booking is cancelled: " + free);
        }
    }

    private static List<JsonObject> slotsOf(Api.Tenant tenant, String query) {
        HttpResponse<String> answer = Api.send(Api.request(tenant, query).GET());
        assertEquals(200, answer.statusCode(), answer.body());
        return Server.json(answer).getJsonArray("slots").getValuesAs(JsonObject.class);
    }

    private static boolean freeAt(List<JsonObject> slots, String start, String user) {
        return slots.stream().anyMatch(s -> s.getString("start").equals(start)
                && s.getJsonArray("users").getValuesAs(JsonString.class).stream()
                        .anyMatch(u -> u.getString().equals(user)));
    }

    @Test
    void badQueriesGetProblems() {
        Api.Tenant tenant = Api.tenant(ANNA, "IMPERSONATION");
        LocalDate day = LocalDate.now(BERLIN).plusDays(2);
        String ok = "users=" + ANNA + "&from=" + day + "&to=" + day.plusDays(1) + "&zone=Europe/Berlin";
        for (String query : List.of(
                ok.replace("Europe/Berlin", "Mars/Olympus"),
                ok.replace("&to=" + day.plusDays(1), "&to=" + day.minusDays(3)),
                ok.replace("&from=" + day, "&from=" + day.plusYears(2)).replace("&to=" + day.plusDays(1), "&to=" + day.plusYears(2).plusDays(1)),
                ok.replace("&to=" + day.plusDays(1), "&to=" + day.plusDays(90)),
                ok + "&slot=abc",
                ok + "&slot=1",
                ok + "&mode=some",
                ok.replace("users=" + ANNA, "users=" + enc("\u0000<script>")),
                ok.replace("users=" + ANNA, "users=nobody@contoso.test"),
                ok.replace("&from=" + day, "&from=2026-02-30"),
                ok.replace("&from=" + day, "&from=-999999999-01-01").replace("&to=" + day.plusDays(1), "&to=-999999999-01-02"),
                "users=" + ANNA)) {
            HttpResponse<String> answer = Api.send(Api.request(tenant, "v1/availability?" + query).GET());
            assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, query + ": " + answer.statusCode() + " " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), query);
        }
    }

    private static List<String> expected(LocalDate from, LocalDate to, ZoneId zone) {
        Instant begin = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        // Each user's mailbox and blocking events of the whole range, asked of the simulator once (not per slot).
        Map<String, JsonObject> mailboxes = new HashMap<>();
        Map<String, List<JsonObject>> blocking = new HashMap<>();
        for (String user : List.of(ANNA, LUKAS)) {
            mailboxes.put(user, SIMULATOR.mailbox(user));
            blocking.put(user, SIMULATOR.events(user, begin, end).stream()
                    .filter(e -> BLOCKING.contains(e.getString("freeBusy"))).toList());
        }
        List<String> slots = new ArrayList<>();
        for (Instant start = begin; start.isBefore(end); start = start.plus(Duration.ofMinutes(30))) {
            Instant slotEnd = start.plus(Duration.ofMinutes(30));
            List<String> free = new ArrayList<>();
            for (String user : List.of(ANNA, LUKAS)) {
                if (inWorkingHours(mailboxes.get(user), start, slotEnd) && notBusy(blocking.get(user), start, slotEnd)) {
                    free.add(user);
                }
            }
            if (!free.isEmpty()) {
                slots.add(start + " " + free.stream().map(u -> "\"" + u + "\"").toList().toString().replace(" ", ""));
            }
        }
        return slots;
    }

    private static boolean inWorkingHours(JsonObject mailbox, Instant start, Instant end) {
        ZoneId zone = ZoneId.of(mailbox.getString("timeZone"));
        JsonObject hours = mailbox.getJsonObject("workingHours");
        ZonedDateTime localStart = start.atZone(zone);
        ZonedDateTime localEnd = end.atZone(zone);
        return hours.getJsonArray("days").toString().contains(localStart.getDayOfWeek().name())
                && localStart.toLocalDate().equals(localEnd.minusNanos(1).toLocalDate())
                && !localStart.toLocalTime().isBefore(LocalTime.parse(hours.getString("start")))
                && !localEnd.toLocalTime().isAfter(LocalTime.parse(hours.getString("end")))
                && !localEnd.toLocalTime().equals(LocalTime.MIDNIGHT);
    }

    private static boolean notBusy(List<JsonObject> blocking, Instant start, Instant end) {
        return blocking.stream()
                .noneMatch(e -> Instant.parse(e.getString("start")).isBefore(end) && Instant.parse(e.getString("end")).isAfter(start));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
