package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.corpconnect.it.WebhookReceiver.Received;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a user does in Outlook to a booking's own item, as the simulator's control API does it to the item
 * (the owner's change, not the dedicated mailbox's), and what the booking then does, per the account's two
 * settings on the bookings page: each test for an EWS and a Graph account, in one deployment. The change is
 * noticed without the timer (15 minutes here): on EWS by a refresh asked for on the users page, on Graph
 * (central mode) by Graph's change notification alone. Webhooks arrive at a {@link WebhookReceiver} and are
 * checked with README's recipe; the audit log and the bookings page are read as the admin reads them.
 */
@ServerTest
@RunAsClient
class OutlookChangesIT {

    private static final String ANNA = "anna.schmidt@contoso.test";
    private static final String HTTP_PORT = System.getenv().getOrDefault("IT_HTTP_PORT", "8080");
    private static final SimulatorControl SIMULATOR = SimulatorControl.ofTestRun();
    private static final Duration NOTICED = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        // Graph's notifications reach the server on loopback; watches are kept every 2 s.
        return Deployments.withSettings(Deployments.withFixtures(),
                Map.of("notifications.public-url", "http://localhost:" + HTTP_PORT + "/exchange-connection",
                        "push.check-seconds", "2"));
    }

    /** One account per protocol, its admin signed in, its webhook endpoint registered. */
    private record Org(Protocol protocol, Api.Tenant tenant, AdminSession admin, String pages, String hookPath,
                       String hookSecret) {
    }

    private static final Map<Protocol, Org> ORGS = new EnumMap<>(Protocol.class);
    private static WebhookReceiver receiver;

    @BeforeAll
    static void accounts() throws IOException {
        SIMULATOR.loadDemo();
        receiver = WebhookReceiver.start();
        for (Protocol protocol : Protocol.values()) {
            Instant since = Instant.now();
            JsonObject fixture = Api.fixture(ANNA, "IMPERSONATION", protocol);
            Api.Tenant tenant = Api.Tenant.of(fixture);
            String path = "/hooks/outlook-" + protocol.name().toLowerCase();
            HttpResponse<String> hook = Api.postJson(tenant, "v1/webhooks", null, "{\"url\":\"" + WebhookReceiver.url(path) + "\"}");
            assertEquals(201, hook.statusCode(), hook.body());
            ORGS.put(protocol, new Org(protocol, tenant, AdminSession.signIn(fixture.getString("adminUsername"),
                    fixture.getString("adminPassword")), "admin/accounts/" + fixture.getString("accountKey") + "/",
                    path, Server.json(hook).getString("secret")));
            if (protocol == Protocol.GRAPH) {
                await(() -> SIMULATOR.requestsBy(tenant.caller(), "createSubscription", since).stream()
                        .anyMatch(r -> r.getInt("httpStatus", 0) == 201), "Anna's calendar watched by a Graph subscription");
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
    void anItemDeletedInOutlookCancelsTheBookingWithASignedWebhookAndAnAuditEntry() {
        for (Org org : ORGS.values()) {
            settings(org, true, true);
            Instant[] slot = BookingApiIT.freeHour(ANNA, 8);
            String booking = book(org, slot, "Deleted in Outlook " + org.protocol());

            SIMULATOR.deleteEvent(ANNA, itemOf(slot, "Deleted in Outlook " + org.protocol()).getString("id"));
            noticeChange(org);

            await(() -> "CANCELLED".equals(booking(org, booking).getString("status")), org.protocol() + ": cancelled");
            Received cancelled = event(org, "booking.cancelled", booking);
            assertEquals("OUTLOOK", cancelled.data().getString("actor"), cancelled.body());
            assertEquals("CANCELLED", cancelled.data().getString("status"));
            assertTrue(WebhookReceiver.verifies(cancelled, org.hookSecret()), "the signature verifies: " + cancelled.signature());
            assertTrue(audited(org, "booking.cancelled-in-outlook", booking), org.protocol() + ": audited");
        }
    }

    @Test
    void withTheSettingsOffADeletedOrMovedItemLeavesTheBookingFlaggedUntilClearedOrMovedBack() {
        for (Org org : ORGS.values()) {
            settings(org, false, false);
            Instant[] deletedSlot = BookingApiIT.freeHour(ANNA, 9);
            String deleted = book(org, deletedSlot, "Kept though deleted " + org.protocol());
            Instant[] movedSlot = BookingApiIT.freeHour(ANNA, 10);
            String moved = book(org, movedSlot, "Kept though moved " + org.protocol());
            Instant[] elsewhere = BookingApiIT.freeHour(ANNA, 12);
            JsonObject movedItem = itemOf(movedSlot, "Kept though moved " + org.protocol());

            SIMULATOR.deleteEvent(ANNA, itemOf(deletedSlot, "Kept though deleted " + org.protocol()).getString("id"));
            SIMULATOR.moveEvent(ANNA, movedItem.getString("id"), elsewhere[0], elsewhere[1]);
            noticeChange(org);

            await(() -> flagOf(org, deleted).contains("data-change=\"DELETED\"") && flagOf(org, moved).contains("data-change=\"MOVED\""),
                    org.protocol() + ": both flagged on the bookings page");
            assertTrue(flagOf(org, deleted).contains("deleted in Outlook"), flagOf(org, deleted));
            assertTrue(flagOf(org, deleted).contains("Cancel the booking"), "what the admin can do: " + flagOf(org, deleted));
            assertEquals("CONFIRMED", booking(org, deleted).getString("status"), "the booking stays");
            assertEquals(movedSlot[0], Instant.parse(booking(org, moved).getString("start")), "the booking keeps its time");
            assertTrue(audited(org, "booking.outlook-change-flagged", deleted) && audited(org, "booking.outlook-change-flagged", moved));

            HttpResponse<String> cleared = org.admin().post(org.pages() + "bookings", "action=dismiss-flag&bookingId=" + deleted);
            assertEquals(200, cleared.statusCode());
            assertTrue(cleared.body().contains("Flag cleared"), "said on the page the change redirected to");
            assertEquals("", flagOf(org, deleted), "cleared by the admin");
            assertTrue(audited(org, "booking.outlook-flag-dismissed", deleted));

            SIMULATOR.moveEvent(ANNA, movedItem.getString("id"), movedSlot[0], movedSlot[1]); // back where it was
            noticeChange(org);
            await(() -> flagOf(org, moved).isEmpty(), org.protocol() + ": the item back at the booking's time clears the flag");
            assertTrue(audited(org, "booking.outlook-flag-cleared", moved));

            // Cancelling on deletion from now on: what the admin kept stays; a later deletion cancels. Read in one pass,
            // the earlier booking first: once the later one is cancelled, the kept one was decided on.
            settings(org, true, false);
            Instant[] laterThatDay = freeHourLaterThan(deletedSlot);
            String later = book(org, laterThatDay, "Deleted later " + org.protocol());
            SIMULATOR.deleteEvent(ANNA, itemOf(laterThatDay, "Deleted later " + org.protocol()).getString("id"));
            noticeChange(org);
            await(() -> "CANCELLED".equals(booking(org, later).getString("status")), org.protocol() + ": the later deletion cancels");
            assertEquals("CONFIRMED", booking(org, deleted).getString("status"), "kept as the admin chose");
            assertTrue(receiver.received(org.hookPath()).stream().noneMatch(r -> r.data().getString("bookingId", "").equals(deleted)
                    && !r.json().getString("type").equals("booking.created")), "nothing but its creation was reported");
        }
    }

    /** A free hour of Anna's on the same day, after this slot, within her working hours (to 17:00 in Berlin). */
    private static Instant[] freeHourLaterThan(Instant[] slot) {
        for (int hours = 6; hours >= 2; hours--) {
            Instant start = slot[0].plus(Duration.ofHours(hours));
            Instant end = start.plus(Duration.ofHours(1));
            if (SIMULATOR.events(ANNA, start, end).stream().allMatch(e -> "Free".equals(e.getString("freeBusy")))) {
                return new Instant[] {start, end};
            }
        }
        throw new AssertionError("no free hour after " + slot[0]);
    }

    @Test
    void anItemMovedInOutlookReschedulesTheBookingWithinItsRulesAndIsFlaggedOutsideThem() {
        for (Org org : ORGS.values()) {
            settings(org, true, true);
            String title = "Moved in Outlook " + org.protocol();
            Instant[] slot = BookingApiIT.freeHour(ANNA, 11);
            String booking = book(org, slot, title);
            Instant[] later = BookingApiIT.freeHour(ANNA, 13);
            String item = itemOf(slot, title).getString("id");

            SIMULATOR.moveEvent(ANNA, item, later[0], later[1]);
            noticeChange(org);

            await(() -> later[0].equals(Instant.parse(booking(org, booking).getString("start"))), org.protocol() + ": rescheduled");
            Received rescheduled = event(org, "booking.rescheduled", booking);
            assertEquals(slot[0], Instant.parse(rescheduled.data().getString("previousStart")), rescheduled.body());
            assertEquals(later[1], Instant.parse(rescheduled.data().getString("end")), rescheduled.body());
            assertTrue(WebhookReceiver.verifies(rescheduled, org.hookSecret()));
            assertTrue(audited(org, "booking.rescheduled-in-outlook", booking));
            assertEquals(1, SIMULATOR.events(ANNA, slot[0].minus(Duration.ofDays(1)), later[1].plus(Duration.ofDays(1))).stream()
                    .filter(e -> title.equals(e.getString("subject"))).count(), "still its one item, nothing written again");

            // Before dawn in Berlin: outside Anna's working hours, so outside the booking rules.
            Instant night = later[0].minus(Duration.ofHours(later[0].atZone(java.time.ZoneOffset.UTC).getHour() - 2));
            SIMULATOR.moveEvent(ANNA, item, night, night.plus(Duration.ofHours(1)));
            noticeChange(org);

            await(() -> flagOf(org, booking).contains("data-change=\"MOVE_REFUSED\""), org.protocol() + ": flagged, not followed");
            assertTrue(flagOf(org, booking).contains("working-hours"), "the rule it breaks: " + flagOf(org, booking));
            assertEquals(later[0], Instant.parse(booking(org, booking).getString("start")), "the booking keeps its time");
        }
    }

    // ---- The admin's and the front end's side.

    /** The account's two settings, saved on the bookings page as an admin does, and shown there again. */
    private static void settings(Org org, boolean cancelOnDelete, boolean followMoves) {
        HttpResponse<String> saved = org.admin().post(org.pages() + "bookings", "action=outlook-settings"
                + (cancelOnDelete ? "&cancelOnOutlookDelete=on" : "") + (followMoves ? "&followOutlookMoves=on" : ""));
        assertEquals(200, saved.statusCode());
        assertTrue(saved.body().contains("Saved: what bookings do"), "redirected to the page with its message");
        assertEquals(cancelOnDelete, saved.body().matches("(?s).*id=\"cancelOnOutlookDelete\" name=\"cancelOnOutlookDelete\"\\s+checked.*"));
        assertEquals(followMoves, saved.body().matches("(?s).*id=\"followOutlookMoves\" name=\"followOutlookMoves\"\\s+checked.*"));
    }

    /** EWS has no push yet: the admin's "refresh now". Graph (central mode) is told by Graph's notification. */
    private static void noticeChange(Org org) {
        if (org.protocol() == Protocol.EWS) {
            HttpResponse<String> refreshed = org.admin().post(org.pages() + "users", "action=refresh");
            assertEquals(200, refreshed.statusCode(), refreshed.body());
        }
    }

    private static String book(Org org, Instant[] slot, String title) {
        HttpResponse<String> booked = Api.postJson(org.tenant(), "v1/bookings", UUID.randomUUID().toString(),
                BookingApiIT.booking(ANNA, slot, title));
        assertEquals(201, booked.statusCode(), booked.body());
        return Server.json(booked).getString("id");
    }

    private static JsonObject booking(Org org, String id) {
        HttpResponse<String> read = Api.send(Api.request(org.tenant(), "v1/bookings/" + id).GET());
        assertEquals(200, read.statusCode(), read.body());
        return Server.json(read);
    }

    private static JsonObject itemOf(Instant[] slot, String title) {
        List<JsonObject> items = BookingApiIT.itemsOf(ANNA, slot, title);
        assertEquals(1, items.size(), "the booking's one item: " + items);
        return items.get(0);
    }

    /** The booking's flag on the bookings page, as the admin sees it; empty when it has none. */
    private static String flagOf(Org org, String bookingId) {
        String page = org.admin().page(org.pages() + "bookings?from=" + java.time.LocalDate.now().minusDays(1)
                + "&to=" + java.time.LocalDate.now().plusDays(60));
        int row = page.indexOf("data-booking=\"" + bookingId + "\"");
        assertTrue(row >= 0, () -> "the booking " + bookingId + " is listed:\n" + page);
        String cells = page.substring(row, page.indexOf("</tr>", row));
        int flag = cells.indexOf("class=\"outlook-flag\"");
        return flag < 0 ? "" : cells.substring(flag, cells.indexOf("</div>", flag));
    }

    private static boolean audited(Org org, String action, String bookingId) {
        String log = org.admin().page(org.pages() + "audit");
        return java.util.Arrays.stream(log.split("<tr>")).anyMatch(row -> row.contains("<td>" + action + "</td>") && row.contains(bookingId));
    }

    private static Received event(Org org, String type, String bookingId) {
        return receiver.await(org.hookPath(), list -> list.stream().anyMatch(r -> matches(r, type, bookingId)), NOTICED).stream()
                .filter(r -> matches(r, type, bookingId)).findFirst().orElseThrow();
    }

    private static boolean matches(Received delivery, String type, String bookingId) {
        return delivery.json().getString("type").equals(type) && delivery.data().getString("bookingId", "").equals(bookingId);
    }

    private static void await(Supplier<Boolean> done, String what) {
        Instant deadline = Instant.now().plus(NOTICED);
        while (!done.get()) {
            assertTrue(Instant.now().isBefore(deadline), "within " + NOTICED + ": " + what);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
