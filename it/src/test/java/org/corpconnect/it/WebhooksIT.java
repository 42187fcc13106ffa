package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.corpconnect.it.WebhookReceiver.Received;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks to the integrating app, on the real server: a {@link WebhookReceiver} in this JVM on
 * loopback, endpoints registered through the API, bookings changed through the API, and what arrives
 * checked with README's verification recipe. The domain dispatches every second and retries after 1 s.
 * (A kill -9 between a change and its delivery: {@link WebhookCrashIT}.)
 */
@ServerTest
@RunAsClient
class WebhooksIT {

    private static final String ANNA = "anna.schmidt@contoso.test";
    private static final String LEA = "lea.wagner@contoso.test";
    /** Not a mailbox of the simulator's. */
    private static final String NOBODY = "nobody.here@contoso.test";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final SimulatorControl SIMULATOR = SimulatorControl.ofTestRun();
    private static final Duration ARRIVAL = Duration.ofSeconds(60);

    private static WebhookReceiver receiver;
    private static Api.Tenant tenant;
    /** Free, non-overlapping slots of Anna's, each used once. */
    private static Deque<JsonObject> slots;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    @BeforeAll
    static void receiverAndTenant() throws IOException {
        SIMULATOR.loadDemo();
        receiver = WebhookReceiver.start();
        tenant = Api.tenant(ANNA, "IMPERSONATION");
        LocalDate monday = LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        HttpResponse<String> availability = Api.send(Api.request(tenant, "v1/availability?users=" + ANNA + "&from=" + monday
                + "&to=" + monday.plusDays(4) + "&zone=Europe/Berlin&slot=30").GET());
        assertEquals(200, availability.statusCode(), availability.body());
        slots = new ArrayDeque<>();
        Instant free = Instant.MIN;
        for (JsonObject slot : Server.json(availability).getJsonArray("slots").getValuesAs(JsonObject.class)) {
            if (!Instant.parse(slot.getString("start")).isBefore(free)) {
                slots.add(slot);
                free = Instant.parse(slot.getString("end"));
            }
        }
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aBookingCreatedMovedAndCancelledArrivesAsThreeSignedEventsInOrder() {
        Endpoint endpoint = register("/hooks/lifecycle");
        try {
            String booking = book("Webhook lifecycle");
            JsonObject target = slots.pop();
            HttpResponse<String> moved = Api.send(Api.request(tenant, "v1/bookings/" + booking).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"start\":\"" + target.getString("start") + "\",\"end\":\""
                            + target.getString("end") + "\"}")));
            assertEquals(200, moved.statusCode(), moved.body());
            HttpResponse<String> cancelled = Api.send(Api.request(tenant, "v1/bookings/" + booking).DELETE());
            assertEquals(200, cancelled.statusCode(), cancelled.body());

            List<Received> arrived = receiver.await(endpoint.path(), list -> list.size() >= 3, ARRIVAL);

            assertEquals(List.of("booking.created", "booking.rescheduled", "booking.cancelled"),
                    arrived.stream().map(r -> r.json().getString("type")).toList(), "in the order they happened");
            for (Received delivery : arrived) {
                assertEquals(200, delivery.answered());
                assertEquals(booking, delivery.json().getJsonObject("data").getString("bookingId"));
                assertEquals(delivery.json().getString("id"), delivery.eventId(), "the event id in the body and the header");
                assertTrue(WebhookReceiver.verifies(delivery, endpoint.secret()), "the signature verifies: " + delivery.signature());
            }
            assertEquals(3, arrived.stream().map(Received::eventId).distinct().count(), "three events, three ids");
            assertEquals(OffsetDateTime.parse(target.getString("start")).toInstant(),
                    Instant.parse(arrived.get(1).json().getJsonObject("data").getString("start")), "the new time");
            assertEquals("API", arrived.get(2).json().getJsonObject("data").getString("actor"));
            assertEquals("CANCELLED", arrived.get(2).json().getJsonObject("data").getString("status"));
        } finally {
            remove(endpoint);
        }
    }

    @Test
    void anEndpointAnswering500IsRetriedUntilItAnswers2xxAndThenNeverSentTheEventAgain() throws InterruptedException {
        Endpoint endpoint = register("/hooks/flaky");
        receiver.failFirst(endpoint.path(), 2);
        try {
            String booking = book("Webhook retried");

            List<Received> arrived = receiver.await(endpoint.path(), list -> list.stream().anyMatch(r -> r.answered() == 200), ARRIVAL);
            Thread.sleep(3_000); // Three dispatch runs: time enough to send it again, if anything would.
            arrived = receiver.received(endpoint.path());

            assertEquals(List.of(500, 500, 200), arrived.stream().map(Received::answered).toList(), "retried after each 500, then not again");
            assertEquals(1, arrived.stream().map(Received::eventId).distinct().count(), "the same event each time");
            arrived.forEach(r -> assertTrue(WebhookReceiver.verifies(r, endpoint.secret()), "signed anew at each attempt: " + r.signature()));
            assertEquals(booking, arrived.get(2).json().getJsonObject("data").getString("bookingId"));
        } finally {
            remove(endpoint);
        }
    }

    @Test
    void duringARotationBothSecretsSignAndTheNewOneIsShownOnce() {
        Endpoint endpoint = register("/hooks/rotated");
        try {
            HttpResponse<String> rotated = Api.send(Api.request(tenant, "v1/webhooks/" + endpoint.id() + "/rotate-secret")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, rotated.statusCode(), rotated.body());
            String newSecret = Server.json(rotated).getString("secret");
            assertNotEquals(endpoint.secret(), newSecret);
            assertTrue(Server.json(rotated).containsKey("previousSecretValidUntil"));
            HttpResponse<String> listed = Api.send(Api.request(tenant, "v1/webhooks").GET());
            assertFalse(listed.body().contains(newSecret) || listed.body().contains(endpoint.secret()), "a secret is never listed");

            book("Webhook after rotation");
            Received delivery = receiver.await(endpoint.path(), list -> !list.isEmpty(), ARRIVAL).get(0);

            assertEquals(2, delivery.signature().split(",v1=").length - 1, "two signatures: " + delivery.signature());
            assertTrue(WebhookReceiver.verifies(delivery, newSecret), "with the new secret");
            assertTrue(WebhookReceiver.verifies(delivery, endpoint.secret()), "and still with the previous one");
            assertFalse(WebhookReceiver.verifies(delivery, "whsec_some-other-secret"));
        } finally {
            remove(endpoint);
        }
    }

    @Test
    void aUsersCalendarAccessAndTheConnectionsStatusChangingArriveAsEvents() {
        JsonObject fixture = Api.fixture(LEA, "IMPERSONATION", Protocol.EWS); // an account of its own: its connection breaks
        Api.Tenant broken = Api.Tenant.of(fixture);
        String path = "/hooks/status";
        HttpResponse<String> created = Api.postJson(broken, "v1/webhooks", null, "{\"url\":\"" + WebhookReceiver.url(path) + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        String secret = Server.json(created).getString("secret");
        AdminSession admin = AdminSession.signIn(fixture.getString("adminUsername"), fixture.getString("adminPassword"));
        String users = "admin/accounts/" + fixture.getString("accountKey") + "/users";

        admin.post(users, "action=add&address=" + NOBODY + "&displayName=Nobody&timeZone=Europe%2FBerlin");
        admin.post(users, "action=refresh");
        Received access = receiver.await(path, list -> list.stream().anyMatch(r -> r.json().getString("type").equals(
                "user.calendar-access-changed") && r.data().getString("user").equals(NOBODY)), ARRIVAL).stream()
                .filter(r -> r.data().getString("user", "").equals(NOBODY)).findFirst().orElseThrow();
        assertEquals("UNCHECKED", access.data().getString("previousStatus"));
        assertNotEquals("OK", access.data().getString("status"), "a mailbox Exchange does not know: " + access.body());
        assertFalse(access.data().getBoolean("bookable"));

        SIMULATOR.setPassword(broken.serviceMailbox(), "Changed-" + UUID.randomUUID()); // as an Exchange admin's reset would
        admin.post(users, "action=refresh");
        Received status = receiver.await(path, list -> list.stream().anyMatch(r -> r.json().getString("type").equals(
                "connection.status-changed")), ARRIVAL).stream()
                .filter(r -> r.json().getString("type").equals("connection.status-changed")).findFirst().orElseThrow();
        assertEquals("HEALTHY", status.data().getString("previousStatus"));
        assertEquals("CREDENTIAL_REJECTED", status.data().getString("status"));
        assertTrue(WebhookReceiver.verifies(status, secret) && WebhookReceiver.verifies(access, secret));
    }

    @Test
    void anEndpointTheServerMayNotCallIsRefusedWithAProblem() {
        for (String url : List.of("http://10.1.2.3/hooks", "https://192.168.0.10/hooks", "http://localhost:" + (WebhookReceiver.PORT + 1) + "/hooks",
                "https://127.0.0.1:" + WebhookReceiver.PORT + "/hooks", "ftp://example.com/hooks", "not a url")) {
            HttpResponse<String> refused = Api.postJson(tenant, "v1/webhooks", null, "{\"url\":\"" + url + "\"}");

            assertEquals(400, refused.statusCode(), url + ": " + refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            JsonObject problem = Server.json(refused);
            assertEquals("urn:corpconnect:problem:invalid-request", problem.getString("type"));
            assertEquals("url", problem.getJsonArray("errors").getJsonObject(0).getString("field"), url);
        }
        HttpResponse<String> listed = Api.send(Api.request(tenant, "v1/webhooks").GET());
        assertEquals(0, Server.json(listed).getJsonArray("webhooks").size(), "none of them was registered: " + listed.body());
    }

    // ---- The front end's side, through the API.

    private record Endpoint(long id, String path, String secret) {
    }

    private static Endpoint register(String path) {
        HttpResponse<String> created = Api.postJson(tenant, "v1/webhooks", null, "{\"url\":\"" + WebhookReceiver.url(path) + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject json = Server.json(created);
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/v1/webhooks/" + json.getJsonNumber("id").longValue()));
        return new Endpoint(json.getJsonNumber("id").longValue(), path, json.getString("secret"));
    }

    private static void remove(Endpoint endpoint) {
        HttpResponse<String> removed = Api.send(Api.request(tenant, "v1/webhooks/" + endpoint.id()).DELETE());
        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals(404, Api.send(Api.request(tenant, "v1/webhooks/" + endpoint.id()).DELETE()).statusCode());
    }

    /** Books the next free slot; returns the booking's id. */
    private static String book(String title) {
        JsonObject slot = slots.pop();
        HttpResponse<String> booked = Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(), "{\"user\":\"" + ANNA
                + "\",\"start\":\"" + slot.getString("start") + "\",\"end\":\"" + slot.getString("end") + "\",\"title\":\"" + title + "\"}");
        assertEquals(201, booked.statusCode(), booked.body());
        return Server.json(booked).getString("id");
    }
}
