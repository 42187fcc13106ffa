package org.corpconnect.exchange.ews;

import static org.corpconnect.exchange.ews.Simulated.*;
import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLStreamException;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CalendarStream;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ExchangeThrottled;
import org.corpconnect.exchange.ExchangeUnreachable;
import org.corpconnect.exchange.StreamEvent;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.calendar.Sensitivity;
import org.corpconnect.sim.dataset.Dataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streaming watches against the simulator: Subscribe per user, GetStreamingEvents read by
 * {@link StreamedMessages}; a connection cut, subscriptions forgotten, and a message with a DTD.
 */
class EwsGatewayStreamsTest {
    private static ExchangeSimulator sim;
    private final EwsGateway gateway = gateway();
    private HttpServer entityServer;
    private final AtomicInteger entityFetches = new AtomicInteger();

    @BeforeAll
    static void start() {
        sim = Simulated.start();
    }

    @AfterAll
    static void stop() {
        Simulated.stopChecked(sim);
    }

    @BeforeEach
    void clean() throws Exception {
        Simulated.reset(sim);
        entityServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        entityServer.createContext("/", exchange -> {
            entityFetches.incrementAndGet();
            byte[] body = "EXPANDED".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        entityServer.start();
    }

    @AfterEach
    void stopEntityServer() {
        entityServer.stop(0);
        sim.notifications().expireStreamingSubscriptions();
    }

    @Test
    void aChangeIsReportedAsItsUsersWatchInBothAccessModes() {
        ExchangeAccess impersonating = access(sim, AccessMode.IMPERSONATION);
        ExchangeAccess delegated = access(sim, AccessMode.DELEGATION);
        String anna = gateway.subscribeStream(impersonating, ANNA);
        String lukas = gateway.subscribeStream(impersonating, LUKAS);
        String michael = gateway.subscribeStream(delegated, MICHAEL);
        assertEquals(ANNA.value(), sim.requestLog().forOperation("Subscribe").get(0).impersonated(),
                "one subscription per mailbox, as the user in impersonation mode");

        try (CalendarStream stream = gateway.openStream(impersonating, Map.of(anna, ANNA, lukas, LUKAS), Duration.ofMinutes(1));
             CalendarStream delegates = gateway.openStream(delegated, Map.of(michael, MICHAEL), Duration.ofMinutes(1))) {
            addMeeting(LUKAS);
            assertEquals(new StreamEvent.Changed(Set.of(lukas)), stream.next());
            addMeeting(MICHAEL);
            assertEquals(new StreamEvent.Changed(Set.of(michael)), delegates.next());
        }
    }

    @Test
    void theMailboxsSubscriptionLimitIsAThrottleNotAFailure() {
        ExchangeAccess delegated = access(sim, AccessMode.DELEGATION);
        for (int i = 0; i < 20; i++) {
            gateway.subscribeStream(delegated, MICHAEL); // as a delegate, each counts against the dedicated mailbox
        }
        ExchangeThrottled limit = assertThrows(ExchangeThrottled.class, () -> gateway.subscribeStream(delegated, SARAH));
        assertTrue(limit.getMessage().contains("ErrorExceededSubscriptionCount"), limit.getMessage());
        gateway.subscribeStream(access(sim, AccessMode.IMPERSONATION), ANNA); // impersonating, Anna's own budget
    }

    @Test
    void aCutConnectionFailsAndTheNextOneBringsWhatChangedMeanwhile() {
        ExchangeAccess access = access(sim, AccessMode.IMPERSONATION);
        String anna = gateway.subscribeStream(access, ANNA);
        try (CalendarStream stream = gateway.openStream(access, Map.of(anna, ANNA), Duration.ofMinutes(1))) {
            awaitConnections(1);
            sim.notifications().cutStreams();
            assertThrows(ExchangeUnreachable.class, stream::next);
        }
        addMeeting(ANNA);
        try (CalendarStream again = gateway.openStream(access, Map.of(anna, ANNA), Duration.ofMinutes(1))) {
            assertEquals(new StreamEvent.Changed(Set.of(anna)), again.next(), "the change made while no connection was open");
        }
    }

    @Test
    void closingAStreamEndsTheReadThatWaitsOnIt() throws Exception {
        ExchangeAccess access = access(sim, AccessMode.IMPERSONATION);
        String anna = gateway.subscribeStream(access, ANNA);
        CalendarStream stream = gateway.openStream(access, Map.of(anna, ANNA), Duration.ofMinutes(1));
        java.util.concurrent.CompletableFuture<Throwable> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                stream.next();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        awaitConnections(1);
        Thread.sleep(200); // the read is waiting for the next message
        stream.close();
        assertInstanceOf(ExchangeUnreachable.class, read.get(10, java.util.concurrent.TimeUnit.SECONDS),
                "the waiting read ends at once, as a drop (how the application stops its connections)");
    }

    @Test
    void subscriptionsExchangeForgotAreReportedLost() {
        ExchangeAccess access = access(sim, AccessMode.IMPERSONATION);
        String anna = gateway.subscribeStream(access, ANNA);
        String lukas = gateway.subscribeStream(access, LUKAS);
        sim.notifications().expireStreamingSubscriptions();
        try (CalendarStream stream = gateway.openStream(access, Map.of(anna, ANNA, lukas, LUKAS), Duration.ofMinutes(1))) {
            assertEquals(new StreamEvent.Lost(Set.of(anna, lukas)), stream.next());
        }
    }

    @Test
    void aMessageWithADoctypeIsRefusedUnreadAndItsEntitiesNeverFetched() {
        ExchangeAccess access = access(sim, AccessMode.IMPERSONATION);
        String anna = gateway.subscribeStream(access, ANNA);
        try (CalendarStream stream = gateway.openStream(access, Map.of(anna, ANNA), Duration.ofMinutes(1))) {
            awaitConnections(1);
            sim.notifications().doctypeOnNextMessage("http://127.0.0.1:" + entityServer.getAddress().getPort() + "/xxe");
            assertThrows(ExchangeFailure.class, stream::next, "the message with its FreeBusyChangedEvent is refused");
        }
        assertEquals(0, entityFetches.get(), "the external entity is never fetched");
        // The refused connection, closed on our side only, takes none of the next connection's events.
        try (CalendarStream again = gateway.openStream(access, Map.of(anna, ANNA), Duration.ofMinutes(1))) {
            for (int i = 0; i < 5; i++) {
                addMeeting(ANNA);
                assertEquals(new StreamEvent.Changed(Set.of(anna)), again.next(), "change " + i);
            }
        }
    }

    @Test
    void theReaderRefusesDtdsWhereverTheyComeAndReadsPlainMessages() throws Exception {
        String ok = message("<m:ResponseCode>NoError</m:ResponseCode><m:ConnectionStatus>OK</m:ConnectionStatus>");
        String notified = message("<m:ResponseCode>NoError</m:ResponseCode><m:Notifications><t:Notification>"
                + "<t:SubscriptionId>s1</t:SubscriptionId><t:StatusEvent/></t:Notification><t:Notification>"
                + "<t:SubscriptionId>s2</t:SubscriptionId><t:ModifiedEvent><t:TimeStamp>2026-01-01T00:00:00Z</t:TimeStamp>"
                + "</t:ModifiedEvent></t:Notification></m:Notifications>");
        StreamedMessages plain = new StreamedMessages(stream("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + ok + notified));
        assertEquals(List.of(), plain.next().orElseThrow().notified().stream().toList());
        assertEquals(Set.of("s2"), plain.next().orElseThrow().notified(), "StatusEvent is no change");
        assertTrue(plain.next().isEmpty());

        String entityUrl = "http://127.0.0.1:" + entityServer.getAddress().getPort() + "/xxe";
        String external = "<!DOCTYPE Envelope [<!ENTITY ext SYSTEM \"" + entityUrl + "\">]>"
                + notified.replace("s2", "&ext;");
        StringBuilder laughs = new StringBuilder("<!DOCTYPE Envelope [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String billion = laughs.append("]>").append(notified.replace("s2", "&lol9;")).toString();
        String parameterEntity = "<!DOCTYPE Envelope [<!ENTITY % p SYSTEM \"" + entityUrl + "\"> %p;]>" + notified;
        for (String hostile : List.of(external, billion, parameterEntity)) {
            // First as the stream's first message, then after a good one.
            for (String stream : List.of(hostile, ok + hostile)) {
                StreamedMessages reader = new StreamedMessages(stream(stream));
                if (stream.startsWith(ok)) {
                    assertTrue(reader.next().orElseThrow().notified().isEmpty());
                }
                assertThrows(XMLStreamException.class, reader::next, hostile);
            }
        }
        for (String hostile : List.of(external, billion, parameterEntity)) {
            // The factory alone, on a document where a DOCTYPE is well-formed: DTDs off, no entity expanded.
            javax.xml.stream.XMLStreamReader alone = StreamedMessages.factory().createXMLStreamReader(stream(hostile));
            StringBuilder text = new StringBuilder();
            try {
                while (alone.hasNext()) {
                    if (alone.next() == javax.xml.stream.XMLStreamConstants.CHARACTERS) {
                        text.append(alone.getText());
                    }
                }
            } catch (XMLStreamException refused) {
                // as good as unexpanded
            }
            assertFalse(text.toString().contains("EXPANDED") || text.toString().contains("lol"), text.toString());
        }
        String inlineEntity = notified.replace("s2", "&amp;x;&lt;");
        assertEquals(Set.of("&x;<"), new StreamedMessages(stream(inlineEntity)).next().orElseThrow().notified(),
                "the five predefined entities are plain text");
        assertEquals(0, entityFetches.get(), "no entity was ever fetched");
    }

    private static String message(String inner) {
        return "<Envelope xmlns=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap11:Body xmlns:soap11="
                + "\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\""
                + " xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\"><m:GetStreamingEventsResponse>"
                + "<m:ResponseMessages><m:GetStreamingEventsResponseMessage ResponseClass=\"Success\">" + inner
                + "</m:GetStreamingEventsResponseMessage></m:ResponseMessages></m:GetStreamingEventsResponse></soap11:Body></Envelope>";
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void addMeeting(MailboxAddress owner) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
        sim.directory().get(owner.value()).calendar().add(Dataset.toItem(new Dataset.EventSpec("Pushed", "Room",
                start, start.plus(Duration.ofHours(1)), false, org.corpconnect.sim.calendar.BusyType.Busy,
                Sensitivity.Normal, false, null, ZoneId.of("UTC"), List.of()),
                org.corpconnect.sim.directory.MailboxAddress.of(owner.value())));
    }

    private static void awaitConnections(int open) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sim.notifications().streamingState().connections() < open) {
            assertTrue(System.nanoTime() < until, "the connection opens on the simulator");
            Thread.onSpinWait();
        }
    }
}
