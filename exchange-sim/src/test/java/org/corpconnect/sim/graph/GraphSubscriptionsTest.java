package org.corpconnect.sim.graph;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.Subscription;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.junit.ExchangeSimulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Change notifications through Microsoft's Graph SDK, with a small HTTP listener of the test as the
 * notificationUrl and lifecycleNotificationUrl: the validation handshake, notifications with clientState
 * for changes made through Graph and through EWS, renewal, the 4,230-minute limit, lifecycle notifications.
 */
class GraphSubscriptionsTest {
    @RegisterExtension
    static ExchangeSimulatorExtension exchange = ExchangeSimulatorExtension.withDataset(Dataset.demo())
            .configure(b -> b.schemaDir(schemaDir()));
    private static GraphServiceClient graph;
    private static HttpServer listener;
    private static final BlockingQueue<JsonObject> notifications = new LinkedBlockingQueue<>();
    private static final BlockingQueue<JsonObject> lifecycle = new LinkedBlockingQueue<>();
    private static final BlockingQueue<String> validations = new LinkedBlockingQueue<>();
    private static final AtomicBoolean echoWrongToken = new AtomicBoolean();

    @BeforeAll
    static void start() throws Exception {
        graph = GraphSdk.appOnly(exchange.simulator());
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/notify", ex -> receive(ex, notifications));
        listener.createContext("/lifecycle", ex -> receive(ex, lifecycle));
        listener.start();
    }

    @AfterAll
    static void stop() {
        listener.stop(0);
        assertTrue(exchange.simulator().responseValidationFailures().isEmpty(),
                () -> String.join("\n", exchange.simulator().responseValidationFailures()));
    }

    /** A webhook as Graph documents it: echo validationToken as text/plain, else take the notification with 202. */
    private static void receive(HttpExchange ex, BlockingQueue<JsonObject> into) throws IOException {
        String query = ex.getRequestURI().getRawQuery();
        byte[] body = ex.getRequestBody().readAllBytes();
        if (query != null && query.startsWith("validationToken=")) {
            String token = URLDecoder.decode(query.substring("validationToken=".length()), StandardCharsets.UTF_8);
            validations.add(token);
            byte[] echo = (echoWrongToken.get() ? "not the token" : token).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(200, echo.length);
            ex.getResponseBody().write(echo);
        } else {
            into.add(Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject());
            ex.sendResponseHeaders(202, -1);
        }
        ex.close();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + listener.getAddress().getPort() + path;
    }

    private static Subscription subscription(String user, OffsetDateTime expiry) {
        Subscription s = new Subscription();
        s.setChangeType("created,updated,deleted");
        s.setNotificationUrl(url("/notify"));
        s.setLifecycleNotificationUrl(url("/lifecycle"));
        s.setResource("/users/" + user + "/events");
        s.setExpirationDateTime(expiry);
        s.setClientState("secret-" + user);
        return s;
    }

    private static com.microsoft.graph.models.DateTimeTimeZone utc(Instant i) {
        com.microsoft.graph.models.DateTimeTimeZone d = new com.microsoft.graph.models.DateTimeTimeZone();
        d.setDateTime(java.time.LocalDateTime.ofInstant(i, ZoneOffset.UTC).toString());
        d.setTimeZone("UTC");
        return d;
    }

    private static JsonObject next(BlockingQueue<JsonObject> queue) throws InterruptedException {
        JsonObject n = queue.poll(10, TimeUnit.SECONDS);
        assertNotNull(n, "no notification within 10 s");
        return n.getJsonArray("value").getJsonObject(0);
    }

    @Test
    void aValidatedSubscriptionIsNotifiedOfChangesThroughGraphAndEwsRenewedAndDeleted() throws Exception {
        validations.clear();
        notifications.clear();
        Subscription created = graph.subscriptions().post(subscription(ANNA, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));
        assertNotNull(created.getId());
        assertEquals(2, validations.size(), "the notificationUrl and the lifecycleNotificationUrl were validated");
        assertEquals("secret-" + ANNA, created.getClientState());

        Instant start = Instant.now().plus(Duration.ofDays(90));
        Event e = new Event();
        e.setSubject("Notify me");
        e.setStart(utc(start));
        e.setEnd(utc(start.plusSeconds(3600)));
        Event event = graph.users().byUserId(ANNA).events().post(e);
        JsonObject n = next(notifications);
        assertEquals(created.getId(), n.getString("subscriptionId"));
        assertEquals("secret-" + ANNA, n.getString("clientState"));
        assertEquals("created", n.getString("changeType"));
        assertEquals(event.getId(), n.getJsonObject("resourceData").getString("id"));

        try (ExchangeService ews = impersonating(exchange.simulator(), ANNA)) {
            Appointment a = new Appointment(ews);
            a.setSubject("Made in EWS");
            a.setStart(Date.from(start.plusSeconds(7200)));
            a.setEnd(Date.from(start.plusSeconds(9000)));
            a.save(new FolderId(WellKnownFolderName.Calendar), SendInvitationsMode.SendToNone);
        }
        assertEquals("created", next(notifications).getString("changeType"), "EWS changes notify Graph subscribers");

        graph.users().byUserId(ANNA).events().byEventId(event.getId()).delete();
        assertEquals("deleted", next(notifications).getString("changeType"));

        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(4000);
        Subscription renewal = new Subscription();
        renewal.setExpirationDateTime(later);
        Subscription renewed = graph.subscriptions().bySubscriptionId(created.getId()).patch(renewal);
        assertEquals(later.toInstant().getEpochSecond(), renewed.getExpirationDateTime().toInstant().getEpochSecond());

        graph.subscriptions().bySubscriptionId(created.getId()).delete();
        assertEquals(404, assertThrows(ODataError.class, () -> graph.subscriptions().bySubscriptionId(created.getId()).get())
                .getResponseStatusCode());
    }

    /** Graph notifies each change: an event created and deleted between two looks of the watcher is not lost. */
    @Test
    void anEventCreatedAndDeletedAtOnceIsNotifiedAsCreatedThenDeleted() throws Exception {
        notifications.clear();
        Subscription created = graph.subscriptions().post(subscription(LUKAS, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));
        var calendar = exchange.simulator().directory().get(LUKAS).calendar();
        Instant start = Instant.now().plus(Duration.ofDays(91));
        String id = org.corpconnect.sim.calendar.CalendarFolder.newItemId();
        // In process, back to back: well within the watcher's 250 ms between two looks.
        calendar.add(new org.corpconnect.sim.calendar.CalendarItem(id).subject("Gone at once").start(start).end(start.plusSeconds(1800)));
        assertTrue(calendar.delete(id));

        java.util.List<JsonObject> seen = new java.util.ArrayList<>();
        while (seen.size() < 2) {
            JsonObject batch = notifications.poll(10, TimeUnit.SECONDS);
            assertNotNull(batch, "both notifications within 10 s: " + seen);
            seen.addAll(batch.getJsonArray("value").getValuesAs(JsonObject.class));
        }
        assertEquals(java.util.List.of("created", "deleted"), seen.stream().map(n -> n.getString("changeType")).toList());
        assertEquals(seen.get(0).getJsonObject("resourceData").getString("id"), seen.get(1).getJsonObject("resourceData").getString("id"),
                "the same event");
        graph.subscriptions().bySubscriptionId(created.getId()).delete();
    }

    @Test
    void expiryBeyond4230MinutesAndAFailedHandshakeAreRefused() {
        ODataError tooLong = assertThrows(ODataError.class, () -> graph.subscriptions()
                .post(subscription(LUKAS, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(4231))));
        assertEquals(400, tooLong.getResponseStatusCode());

        echoWrongToken.set(true);
        try {
            ODataError handshake = assertThrows(ODataError.class, () -> graph.subscriptions()
                    .post(subscription(LUKAS, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1))));
            assertEquals("ValidationError", handshake.getError().getCode());
        } finally {
            echoWrongToken.set(false);
        }
        assertEquals(403, assertThrows(ODataError.class, () -> graph.subscriptions()
                .post(subscription(DAVID, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)))).getResponseStatusCode(),
                "a mailbox outside the app's scope");
    }

    @Test
    void lifecycleNotificationsReachTheLifecycleUrl() throws Exception {
        lifecycle.clear();
        Subscription created = graph.subscriptions().post(subscription(SOPHIE, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));

        // The app loses the mailbox from its scope: Graph asks it to reauthorize, and notifies nothing meanwhile.
        var app = exchange.simulator().directory().application(GraphSdk.CLIENT_ID).orElseThrow();
        var scope = app.scope();
        exchange.simulator().directory().registerApplication(new org.corpconnect.sim.directory.Directory.Application(
                app.clientId(), app.clientSecret(), app.tenantId(), org.corpconnect.sim.directory.ImpersonationScope.only(
                        scope.mailboxes().stream().filter(m -> !m.value().equals(SOPHIE)).collect(java.util.stream.Collectors.toSet()))));
        try {
            JsonObject reauthorize = next(lifecycle);
            assertEquals("reauthorizationRequired", reauthorize.getString("lifecycleEvent"));
            assertEquals(created.getId(), reauthorize.getString("subscriptionId"));
            assertEquals("secret-" + SOPHIE, reauthorize.getString("clientState"));
        } finally {
            exchange.simulator().directory().registerApplication(app);
        }

        // Notifications that cannot be delivered are reported as missed.
        listener.removeContext("/notify");
        try {
            exchange.simulator().directory().get(SOPHIE).calendar().add(new org.corpconnect.sim.calendar.CalendarItem(
                    org.corpconnect.sim.calendar.CalendarFolder.newItemId()).subject("Undeliverable")
                    .start(Instant.now().plus(Duration.ofDays(91))).end(Instant.now().plus(Duration.ofDays(91)).plusSeconds(600)));
            assertEquals("missed", next(lifecycle).getString("lifecycleEvent"));
        } finally {
            listener.createContext("/notify", ex -> receive(ex, notifications));
        }

        assertTrue(exchange.simulator().graph().subscriptions().sendLifecycle(created.getId(), "subscriptionRemoved"));
        assertEquals("subscriptionRemoved", next(lifecycle).getString("lifecycleEvent"));
        assertEquals(404, assertThrows(ODataError.class, () -> graph.subscriptions().bySubscriptionId(created.getId()).get())
                .getResponseStatusCode());
    }

    private static final String LUKAS = "lukas.weber@contoso.test";
    private static final String SOPHIE = "sophie.mueller@contoso.test";
}
