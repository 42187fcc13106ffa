package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the server while a booking's item is being written leaves nothing stuck: after
 * the restart, the sweep takes over the write whose writer is gone and settles it by what the
 * calendar holds (here: the item landed, so the booking is confirmed with it, one item).
 */
@ServerTest
@RunAsClient
class BookingCrashIT {

    private static final SimulatorControl SIMULATOR = SimulatorControl.ofTestRun();
    private static final String USER = "emma.koch@contoso.test";
    private static final String TITLE = "Written as the server died";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    @AfterAll
    static void leaveNoKilledEmbeddedDatabaseBehind() throws Exception {
        ServerProcess.replaceEmbeddedDatabaseAfterKill();
    }

    @Test
    void aServerKilledDuringTheWriteLeavesABookingTheSweepSettlesInStepWithTheCalendar() throws Exception {
        SIMULATOR.loadDemo();
        JsonObject fixture = Server.json(Api.send(HttpRequest.newBuilder(
                Server.app().resolve("it-api-fixture?users=" + USER + "&mode=IMPERSONATION")).POST(HttpRequest.BodyPublishers.noBody())));
        Api.Tenant tenant = Api.Tenant.of(fixture);
        Instant[] slot = freeWeekdayHour();
        // Exchange writes the item and then holds the answer: the server dies while it waits.
        SIMULATOR.addFault(Json.createObjectBuilder().add("kind", "COMMIT_THEN_DROP").add("operation", "CreateItem")
                .add("mailbox", tenant.serviceMailbox()).add("millis", 30_000).add("times", 1).build());
        Instant since = Instant.now();
        try {
            CompletableFuture.runAsync(() -> {
                try {
                    Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(), "{\"user\":\"" + USER + "\",\"start\":\""
                            + slot[0] + "\",\"end\":\"" + slot[1] + "\",\"title\":\"" + TITLE + "\"}");
                } catch (RuntimeException connectionLost) {
                    // The server is killed before it answers.
                }
            });
            awaitItems(slot, 1, Duration.ofSeconds(30));
            ServerProcess.kill();
        } finally {
            SIMULATOR.clearFaults();
        }
        assertEquals(List.of(), SIMULATOR.requestsBy(tenant.serviceMailbox(), "FindItem", since),
                "killed while waiting for the write's answer, before it looked for the item itself");
        Instant restarted = Instant.now();
        ServerProcess.start();

        awaitBooking(tenant, slot, "CONFIRMED", Duration.ofMinutes(5));
        assertEquals(1, items(slot).size(), "the item that landed, never a second one");
        assertTrue(!SIMULATOR.requestsBy(tenant.serviceMailbox(), "FindItem", restarted).isEmpty(),
                "the sweep looked for the item by the booking id");
    }


    /** The tenant's booking of the slot once it has the status, polled while the server starts and sweeps. */
    private static JsonObject awaitBooking(Api.Tenant tenant, Instant[] slot, String status, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout).plus(Duration.ofMinutes(3)); // and the application's start
        String seen = "nothing";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> answer = Api.send(Api.request(tenant, "v1/bookings?from=" + slot[0] + "&to=" + slot[1]).GET());
                if (answer.statusCode() == 200) {
                    List<JsonObject> bookings = Server.json(answer).getJsonArray("bookings").getValuesAs(JsonObject.class);
                    seen = bookings.toString();
                    if (bookings.size() == 1 && status.equals(bookings.get(0).getString("status"))) {
                        return bookings.get(0);
                    }
                }
            } catch (RuntimeException notUpYet) {
                seen = "no answer: " + notUpYet.getMessage();
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("no " + status + " booking within " + timeout + "; last seen: " + seen);
    }

    private static void awaitItems(Instant[] slot, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (items(slot).size() != count) {
            assertTrue(Instant.now().isBefore(deadline), "the item is written within " + timeout);
            Thread.sleep(100);
        }
    }

    private static List<JsonObject> items(Instant[] slot) {
        return SIMULATOR.events(USER, slot[0], slot[1]).stream().filter(e -> TITLE.equals(e.getString("subject", ""))).toList();
    }

    /** A free hour on a weekday 10 or more days ahead, 10:00 UTC (within Emma's 08:00-14:00 Berlin). */
    private static Instant[] freeWeekdayHour() {
        for (int day = 10; day < 60; day++) {
            Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(day)).plus(Duration.ofHours(10));
            DayOfWeek weekday = start.atZone(ZoneOffset.UTC).getDayOfWeek();
            Instant end = start.plus(Duration.ofHours(1));
            if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY
                    && SIMULATOR.events(USER, start, end).stream().allMatch(e -> "Free".equals(e.getString("freeBusy")))) {
                return new Instant[] {start, end};
            }
        }
        throw new AssertionError("no free hour for " + USER);
    }
}
