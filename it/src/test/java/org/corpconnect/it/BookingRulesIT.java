package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * A booking obeys the rules of the availability that offered it, and what Exchange cannot store is
 * refused before anything is reserved: 400 naming the field, 422 naming the rule; a slot that
 * availability offers is accepted.
 */
@ServerTest
@RunAsClient
class BookingRulesIT {

    private static final String ANNA = "anna.schmidt@contoso.test"; // works 08:00-17:00 in Berlin, Monday to Friday
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
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
    void textExchangeCannotStoreIsRefusedNamingTheFieldAndTheSlotStaysBookable() {
        Api.Tenant tenant = Api.tenant(ANNA, "IMPERSONATION");
        JsonObject slot = offeredSlots(tenant, weekAfterNext()).get(0);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("U+FFFE", "\\uFFFE");
        bad.put("U+FFFF", "\\uFFFF");
        bad.put("a lone surrogate", "\\uD800");
        bad.put("a lone low surrogate", "\\uDC00");
        bad.put("U+0000", "\\u0000");

        for (var text : bad.entrySet()) {
            String title = "Consultation " + text.getValue() + " here";
            assertRefused(Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(),
                    booking(slot, title, null, "jane@example.com")), "title", text.getKey());
            assertRefused(Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(),
                    booking(slot, "Consultation", "Jane " + text.getValue() + " Doe", "jane@example.com")), "invitee.name", text.getKey());
            assertRefused(Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(),
                    booking(slot, "Consultation", "Jane Doe", "jane" + text.getValue() + "@example.com")), "invitee.email", text.getKey());
        }
        assertRefused(Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(),
                booking(slot, "x".repeat(256), null, "jane@example.com")), "title", "256 characters");

        HttpResponse<String> booked = Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(),
                booking(slot, "Consultation", "Jane Doe", "jane@example.com"));
        assertEquals(201, booked.statusCode(), "nothing refused held the slot: " + booked.body());
        assertEquals("CONFIRMED", Server.json(booked).getString("status"));
    }

    @Test
    void aBookingOutsideTheRulesGets422NamingTheRuleOnPostAndPatchAndAnOfferedSlotIsAccepted() {
        Api.Tenant tenant = Api.tenant(ANNA, "IMPERSONATION");
        LocalDate weekAfterNext = weekAfterNext();
        List<JsonObject> offered = offeredSlots(tenant, weekAfterNext);
        Instant now = Instant.now();
        Instant twoDaysAgo = weekday(LocalDate.now(BERLIN).minusDays(2), -1).atTime(LocalTime.of(10, 0)).atZone(BERLIN).toInstant();
        Instant soon = now.plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        Instant farAhead = weekday(LocalDate.now(BERLIN).plusDays(200), 1).atTime(LocalTime.of(10, 0)).atZone(BERLIN).toInstant();
        Instant night = weekAfterNext.atTime(LocalTime.of(3, 0)).atZone(BERLIN).toInstant();
        Instant evening = weekAfterNext.plusDays(1).atTime(LocalTime.of(16, 0)).atZone(BERLIN).toInstant();
        Instant wednesday = weekAfterNext.plusDays(2).atTime(LocalTime.of(8, 0)).atZone(BERLIN).toInstant();
        Instant saturday = weekAfterNext.plusDays(5).atTime(LocalTime.of(10, 0)).atZone(BERLIN).toInstant();
        List<Outside> outside = List.of(
                new Outside("not-in-the-past", "two days ago", twoDaysAgo, Duration.ofMinutes(30)),
                new Outside("minimum-notice", "in ten minutes, notice 60", soon, Duration.ofMinutes(30)),
                new Outside("horizon", "200 days ahead", farAhead, Duration.ofMinutes(30)),
                new Outside("working-hours", "at 03:00", night, Duration.ofMinutes(30)),
                new Outside("working-hours", "8 hours from 16:00", evening, Duration.ofHours(8)),
                new Outside("working-hours", "on a Saturday", saturday, Duration.ofMinutes(30)),
                new Outside("slot-length", "her whole 9-hour day", wednesday, Duration.ofHours(9)),
                new Outside("slot-length", "3 minutes", wednesday, Duration.ofMinutes(3)));

        for (Outside wrong : outside) {
            HttpResponse<String> answer = Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(),
                    booking(new Instant[] {wrong.start(), wrong.end()}, "Outside"));
            assertRule(answer, wrong.rule(), "POST " + wrong.why());
        }

        JsonObject first = offered.get(0);
        HttpResponse<String> booked = Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(),
                booking(first, "Offered", null, null));
        assertEquals(201, booked.statusCode(), "a slot availability offers is accepted: " + booked.body());
        String id = Server.json(booked).getString("id");

        for (Outside wrong : outside) {
            assertRule(patch(tenant, id, wrong.start(), wrong.end()), wrong.rule(), "PATCH " + wrong.why());
        }
        JsonObject unchanged = Server.json(Api.send(Api.request(tenant, "v1/bookings/" + id).GET()));
        assertEquals(instant(first.getString("start")), Instant.parse(unchanged.getString("start")), "a refused move changes nothing");

        JsonObject later = offered.get(offered.size() - 1);
        HttpResponse<String> moved = patch(tenant, id, instant(later.getString("start")), instant(later.getString("end")));
        assertEquals(200, moved.statusCode(), "a move to an offered slot is accepted: " + moved.body());
        assertEquals(instant(later.getString("start")), Instant.parse(Server.json(moved).getString("start")));
    }

    @Test
    void availabilityListsAtMostMaxSlotsAndPagesOnWithAfter() {
        Api.Tenant tenant = Api.tenant(ANNA, "IMPERSONATION");
        LocalDate from = weekAfterNext();
        String query = "v1/availability?users=" + ANNA + "&from=" + from + "&to=" + from.plusDays(27)
                + "&zone=Europe/Berlin&slot=5&step=5";

        JsonObject page = Server.json(Api.send(Api.request(tenant, query).GET()));
        int max = page.getInt("maxSlots");
        List<Instant> starts = new ArrayList<>();
        int pages = 0;
        while (true) {
            pages++;
            List<JsonObject> slots = page.getJsonArray("slots").getValuesAs(JsonObject.class);
            assertTrue(slots.size() <= max, slots.size() + " slots in one answer");
            slots.forEach(s -> starts.add(instant(s.getString("start"))));
            if (!page.getBoolean("more")) {
                assertFalse(page.containsKey("nextAfter"));
                break;
            }
            assertEquals(max, slots.size(), "a page with more after it is full");
            assertEquals(slots.get(slots.size() - 1).getString("start"), page.getString("nextAfter"));
            page = Server.json(Api.send(Api.request(tenant, query + "&after="
                    + java.net.URLEncoder.encode(page.getString("nextAfter"), java.nio.charset.StandardCharsets.UTF_8)).GET()));
        }
        assertTrue(pages > 1, "four weeks of 5-minute slots take more than one answer: " + starts.size());
        Set<Instant> distinct = new HashSet<>(starts);
        assertEquals(starts.size(), distinct.size(), "no slot listed twice");
        assertEquals(starts.stream().sorted().toList(), starts, "pages follow each other");
    }

    @Test
    void theParsersLimitsAnswer400WithTheReason() {
        Api.Tenant tenant = Api.tenant(ANNA, "IMPERSONATION");
        String deep = "{\"user\":" + "[".repeat(1001) + "]".repeat(1001) + "}";
        String longNumber = "{\"user\":1" + "0".repeat(1100) + "}";

        HttpResponse<String> tooDeep = Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(), deep);
        HttpResponse<String> tooLong = Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(), longNumber);
        HttpResponse<String> deepPatch = Api.send(Api.request(tenant, "v1/bookings/" + UUID.randomUUID())
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(deep)));

        assertEquals(400, tooDeep.statusCode(), tooDeep.body());
        assertTrue(Server.json(tooDeep).getString("detail").contains("nested more than 1000 levels"), tooDeep.body());
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertTrue(Server.json(tooLong).getString("detail").contains("number of more than 1100 characters"), tooLong.body());
        assertEquals(400, deepPatch.statusCode(), deepPatch.body());
        for (HttpResponse<String> answer : List.of(tooDeep, tooLong, deepPatch)) {
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
    }

    /** A booking that breaks {@code rule}, and why. */
    private record Outside(String rule, String why, Instant start, Duration length) {
        Instant end() {
            return start.plus(length);
        }
    }

    private static void assertRefused(HttpResponse<String> answer, String field, String what) {
        assertEquals(400, answer.statusCode(), what + " in " + field + ": " + answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = Server.json(answer);
        assertEquals(field, problem.getJsonArray("errors").getJsonObject(0).getString("field"), what + ": " + problem);
    }

    private static void assertRule(HttpResponse<String> answer, String rule, String what) {
        assertEquals(422, answer.statusCode(), what + ": " + answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(rule, Server.json(answer).getString("rule"), what + ": " + answer.body());
    }

    /** Anna's free half hours as availability offers them, Monday to Friday of the week after next. */
    private static List<JsonObject> offeredSlots(Api.Tenant tenant, LocalDate monday) {
        HttpResponse<String> answer = Api.send(Api.request(tenant, "v1/availability?users=" + ANNA + "&from=" + monday
                + "&to=" + monday.plusDays(4) + "&zone=Europe/Berlin&slot=30").GET());
        assertEquals(200, answer.statusCode(), answer.body());
        List<JsonObject> slots = Server.json(answer).getJsonArray("slots").getValuesAs(JsonObject.class);
        assertTrue(slots.size() >= 2, "Anna has free slots: " + answer.body());
        return slots;
    }

    private static LocalDate weekAfterNext() {
        return LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
    }

    /** The day, or the nearest weekday in the direction given. */
    private static LocalDate weekday(LocalDate day, int direction) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(direction);
        }
        return d;
    }

    private static HttpResponse<String> patch(Api.Tenant tenant, String id, Instant start, Instant end) {
        return Api.send(Api.request(tenant, "v1/bookings/" + id).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("start", start.toString()).add("end", end.toString()).build().toString())));
    }

    private static Instant instant(String offsetTime) {
        return OffsetDateTime.parse(offsetTime).toInstant();
    }

    private static String booking(Instant[] span, String title) {
        return "{\"user\":\"" + ANNA + "\",\"start\":\"" + span[0] + "\",\"end\":\"" + span[1] + "\",\"title\":\"" + title + "\"}";
    }

    /** A booking of the slot; the texts go into the JSON as they are, so JSON escapes in them stay escapes. */
    private static String booking(JsonObject slot, String title, String inviteeName, String inviteeEmail) {
        String invitee = inviteeEmail == null ? ""
                : ",\"invitee\":{" + (inviteeName == null ? "" : "\"name\":\"" + inviteeName + "\",") + "\"email\":\"" + inviteeEmail + "\"}";
        return "{\"user\":\"" + ANNA + "\",\"start\":\"" + slot.getString("start") + "\",\"end\":\"" + slot.getString("end")
                + "\",\"title\":\"" + title + "\"" + invitee + "}";
    }
}
