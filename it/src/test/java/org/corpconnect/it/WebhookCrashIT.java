package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.corpconnect.it.WebhookReceiver.Received;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@code kill -9} of the server between a change and its webhook loses nothing: the event committed with
 * the booking but not delivered (its receiver answered 500) arrives after the restart, signed with the
 * secret stored before the crash, once.
 *
 * <p>Only where the database outlives the server, as in every real deployment: the embedded H2 lives in
 * the server's process, and a {@code kill -9} can leave its file unreadable at the next start (an open H2
 * bug, h2database#2752; README, "Database"). The integration tests' PostgreSQL pass runs it.
 */
@ServerTest
@RunAsClient
@EnabledIfEnvironmentVariable(named = "DB_URL", matches = "jdbc:postgresql:.*",
        disabledReason = "kill -9 of a server with its database embedded can corrupt the database file (h2database#2752)")
class WebhookCrashIT {

    private static final SimulatorControl SIMULATOR = SimulatorControl.ofTestRun();
    private static final String USER = "emma.koch@contoso.test";
    private static final String HOOK = "/hooks/crash";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    @Test
    void anEventCommittedButNotDeliveredWhenTheServerIsKilledArrivesOnceAfterTheRestart() throws Exception {
        SIMULATOR.loadDemo();
        Api.Tenant tenant = Api.tenant(USER, "IMPERSONATION");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.failFirst(HOOK, Integer.MAX_VALUE);
            HttpResponse<String> endpoint = Api.postJson(tenant, "v1/webhooks", null, "{\"url\":\"" + WebhookReceiver.url(HOOK) + "\"}");
            assertEquals(201, endpoint.statusCode(), endpoint.body());
            String secret = Server.json(endpoint).getString("secret");
            JsonObject slot = freeSlot(tenant);
            HttpResponse<String> booked = Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(), "{\"user\":\"" + USER
                    + "\",\"start\":\"" + slot.getString("start") + "\",\"end\":\"" + slot.getString("end")
                    + "\",\"title\":\"Booked before the crash\"}");
            assertEquals(201, booked.statusCode(), booked.body());
            String bookingId = Server.json(booked).getString("id");
            receiver.await(HOOK, list -> !list.isEmpty(), Duration.ofMinutes(1)); // refused: it waits in the outbox

            ServerProcess.kill();
            receiver.failFirst(HOOK, 0); // the receiver is back: what waits may arrive now
            ServerProcess.start();

            receiver.await(HOOK, list -> list.stream().anyMatch(r -> r.answered() == 200), Duration.ofMinutes(4));
            Thread.sleep(3_000); // three dispatch runs: time enough to send it again, if anything would
            List<Received> accepted = receiver.received(HOOK).stream().filter(r -> r.answered() == 200).toList();
            assertEquals(1, accepted.size(), "delivered once: " + accepted);
            Received delivery = accepted.get(0);
            assertEquals(1, receiver.received(HOOK).stream().map(Received::eventId).distinct().count(),
                    "every attempt, before and after the crash, carried the same event id");
            assertTrue(WebhookReceiver.verifies(delivery, secret), "signed with the secret stored before the crash");
            assertEquals("booking.created", delivery.json().getString("type"));
            assertEquals(bookingId, delivery.data().getString("bookingId"));
        }
    }

    /** A free half hour of the user's next week, as the availability API offers it. */
    private static JsonObject freeSlot(Api.Tenant tenant) {
        LocalDate monday = LocalDate.now(ZoneId.of("Europe/Berlin")).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        HttpResponse<String> availability = Api.send(Api.request(tenant, "v1/availability?users=" + USER + "&from=" + monday
                + "&to=" + monday.plusDays(4) + "&zone=Europe/Berlin&slot=30").GET());
        assertEquals(200, availability.statusCode(), availability.body());
        List<JsonObject> slots = Server.json(availability).getJsonArray("slots").getValuesAs(JsonObject.class);
        assertTrue(!slots.isEmpty(), "a free slot next week: " + availability.body());
        return slots.get(0);
    }
}
