package org.corpconnect.sim.notifications;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.notification.EventType;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.notification.GetEventsResults;
import microsoft.exchange.webservices.data.notification.ItemEvent;
import microsoft.exchange.webservices.data.notification.PullSubscription;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.Mailbox;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.calendar.CalendarItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pull notifications through ews-java-api, and a streaming subscription through plain SOAP. */
class NotificationsTest {
    private static ExchangeSimulator sim;

    @BeforeAll
    static void start() {
        sim = demo();
    }

    @AfterAll
    static void stop() {
        sim.assertAllResponsesValid();
        sim.close();
    }

    @Test
    void pullSubscriptionReportsCreatedModifiedAndDeletedItems() throws Exception {
        try (ExchangeService service = impersonating(sim, ANNA)) {
            FolderId calendar = new FolderId(WellKnownFolderName.Calendar);
            PullSubscription subscription = service.subscribeToPullNotifications(List.of(calendar), 5, null,
                    EventType.Created, EventType.Modified, EventType.Deleted);
            assertTrue(subscription.getEvents().getItemEvents().iterator().hasNext() == false, "nothing yet");

            Appointment a = new Appointment(service);
            a.setSubject("Watched");
            a.setStart(new Date(System.currentTimeMillis() + 86_400_000L));
            a.setEnd(new Date(System.currentTimeMillis() + 90_000_000L));
            a.save(calendar, SendInvitationsMode.SendToNone);
            GetEventsResults created = subscription.getEvents();
            ItemEvent event = created.getItemEvents().iterator().next();
            assertEquals(EventType.Created, event.getEventType());
            assertEquals(a.getId().getUniqueId(), event.getItemId().getUniqueId());

            a.delete(DeleteMode.HardDelete, SendCancellationsMode.SendToNone);
            assertEquals(EventType.Deleted, subscription.getEvents().getItemEvents().iterator().next().getEventType());
            subscription.unsubscribe();
            assertEquals(ServiceError.ErrorSubscriptionNotFound, ewsError(subscription::getEvents).getErrorCode());
        }
    }

    @Test
    void watchingAnotherCalendarNeedsReadAccess() throws Exception {
        try (ExchangeService service = service(sim, SERVICE, SERVICE_PASSWORD)) {
            assertNotNull(service.subscribeToPullNotifications(List.of(new FolderId(WellKnownFolderName.Calendar,
                    new Mailbox(SARAH))), 5, null, EventType.Created).getId());
            assertEquals(ServiceError.ErrorAccessDenied, ewsError(() -> service.subscribeToPullNotifications(
                    List.of(new FolderId(WellKnownFolderName.Calendar, new Mailbox(DAVID))), 5, null, EventType.Created))
                    .getErrorCode());
        }
    }

    @Test
    void aSubscriptionWatchesOneMailboxAndCountsAgainstTheImpersonatedOne() throws Exception {
        try (ExchangeService service = service(sim, SERVICE, SERVICE_PASSWORD)) {
            assertEquals(ServiceError.ErrorInvalidSubscriptionRequest, ewsError(() -> service.subscribeToStreamingNotifications(
                    List.of(new FolderId(WellKnownFolderName.Calendar, new Mailbox(SARAH)),
                            new FolderId(WellKnownFolderName.Calendar, new Mailbox(MICHAEL))), EventType.Created))
                    .getErrorCode(), "two mailboxes in one subscription");
        }
        // Twenty per impersonated mailbox: Anna's twenty leave Mia's budget whole.
        List<String> ids = new java.util.ArrayList<>();
        try (ExchangeService anna = impersonating(sim, ANNA); ExchangeService mia = impersonating(sim, MIA)) {
            for (int i = 0; i < Subscriptions.MAX_PER_ACCOUNT; i++) {
                ids.add(anna.subscribeToStreamingNotifications(List.of(new FolderId(WellKnownFolderName.Calendar)),
                        EventType.Created).getId());
            }
            assertEquals(ServiceError.ErrorExceededSubscriptionCount, ewsError(() -> anna.subscribeToStreamingNotifications(
                    List.of(new FolderId(WellKnownFolderName.Calendar)), EventType.Created)).getErrorCode());
            ids.add(mia.subscribeToStreamingNotifications(List.of(new FolderId(WellKnownFolderName.Calendar)),
                    EventType.Created).getId());
            for (String id : ids) {
                (id.equals(ids.get(ids.size() - 1)) ? mia : anna).unsubscribe(id);
            }
        }
    }

    @Test
    void streamingSubscriptionDeliversFreeBusyChanges() throws Exception {
        CompletableFuture<HttpResponse<java.io.InputStream>> stream = openStream(subscribeStreaming(MICHAEL));
        Thread.sleep(300);
        sim.directory().get(MICHAEL).calendar().add(new CalendarItem("streamed-1").subject("New")
                .start(java.time.Instant.now().plusSeconds(3600)).end(java.time.Instant.now().plusSeconds(7200)));
        HttpResponse<java.io.InputStream> response = stream.get();
        assertEquals(200, response.statusCode());
        try (java.io.InputStream in = response.body()) {
            String connected = nextEnvelope(in);
            assertTrue(connected.contains("<m:ConnectionStatus>OK</m:ConnectionStatus>"), "OK at once: " + connected);
            assertFalse(connected.contains("Notification"), connected);
            // As Exchange streams (and as ews-javascript-api, which splits on the literal "<Envelope", needs):
            assertTrue(connected.startsWith("<Envelope xmlns=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap11:Header"),
                    connected);
            String first = nextEnvelope(in);
            assertTrue(first.contains("<t:FreeBusyChangedEvent>"), first);
            assertFalse(first.contains("ConnectionStatus"), "a notification message carries no status, as in Microsoft's sample");
            assertFalse(first.contains("Watermark"), "streaming notifications carry no watermarks, as in Microsoft's sample");
            sim.directory().get(MICHAEL).calendar().add(new CalendarItem("streamed-2").subject("Another")
                    .start(java.time.Instant.now().plusSeconds(9000)).end(java.time.Instant.now().plusSeconds(9900)));
            String second = nextEnvelope(in);
            assertTrue(second.contains("<t:FreeBusyChangedEvent>"), "the connection stays open for the next events");
        }
    }

    @Test
    void aCutStreamingConnectionDropsWithItsChunkedBodyUnfinished() throws Exception {
        HttpResponse<java.io.InputStream> response = openStream(subscribeStreaming(MICHAEL)).get();
        try (java.io.InputStream in = response.body()) {
            assertTrue(nextEnvelope(in).contains("<m:ConnectionStatus>OK</m:ConnectionStatus>"));
            assertEquals(1, sim.notifications().cutStreams());
            // A stream that ended would read -1 after its last chunk; a dropped one fails the read.
            java.io.IOException broken = assertThrows(java.io.IOException.class, () -> in.readAllBytes());
            assertNotNull(broken.getMessage(), "the client is told the connection broke: " + broken);
        }
        assertEquals(0, sim.notifications().streamingState().connections(), "the dropped connection is no longer counted");
    }

    /** A streaming subscription to the mailbox's calendar, made by the service account; its id. */
    private static String subscribeStreaming(String mailbox) throws Exception {
        String subscribe = envelope("", "<m:Subscribe><m:StreamingSubscriptionRequest><t:FolderIds>"
                + "<t:DistinguishedFolderId Id=\"calendar\"><t:Mailbox><t:EmailAddress>" + mailbox + "</t:EmailAddress></t:Mailbox>"
                + "</t:DistinguishedFolderId></t:FolderIds><t:EventTypes><t:EventType>FreeBusyChangedEvent</t:EventType>"
                + "</t:EventTypes></m:StreamingSubscriptionRequest></m:Subscribe>");
        HttpResponse<String> r = post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), subscribe);
        assertEquals(200, r.statusCode(), r.body());
        return r.body().replaceAll("(?s).*<m:SubscriptionId>([^<]+)</m:SubscriptionId>.*", "$1");
    }

    /** GetStreamingEvents on the subscription for a minute: its answer, a stream read as it comes. */
    private static CompletableFuture<HttpResponse<java.io.InputStream>> openStream(String subscriptionId) {
        String get = envelope("", "<m:GetStreamingEvents><m:SubscriptionIds><t:SubscriptionId>" + subscriptionId
                + "</t:SubscriptionId></m:SubscriptionIds><m:ConnectionTimeout>1</m:ConnectionTimeout></m:GetStreamingEvents>");
        return java.net.http.HttpClient.newHttpClient().sendAsync(
                java.net.http.HttpRequest.newBuilder(sim.ewsUrl()).header("Authorization", basic(SERVICE, SERVICE_PASSWORD))
                        .header("Content-Type", "text/xml; charset=utf-8")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(get)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Reads one SOAP envelope off a streaming response. */
    private static String nextEnvelope(java.io.InputStream in) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            sb.append((char) c);
            if (sb.length() > 11 && sb.substring(sb.length() - 11).equals("</Envelope>")) {
                return sb.toString();
            }
        }
        throw new java.io.EOFException("stream ended after: " + sb);
    }
}
