package org.corpconnect.sim.soap;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.DatasetJson;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.items.ItemIds;
import org.corpconnect.sim.mail.MailFolder;
import org.corpconnect.sim.mail.MailMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Microsoft's documented requests (../shared/ews-samples/microsoft-docs) sent as they are, against a
 * data set holding the mailboxes they name: each must be accepted, and answered with a response of the
 * same shape (the same element and attribute paths under the SOAP Body) as Microsoft's sample response.
 * Every request sample there is replayed. Only server-specific ids are replaced: the calendar FolderId
 * (the docs abbreviate it to "AAMk"), the SyncState and the SubscriptionId (issued by Microsoft's server;
 * each is first shown to be refused, then replaced by one this server issued).
 */
class MicrosoftSamplesReplayTest {
    private static final String CALLER = "replay@contoso.com";
    private static final String PASSWORD = "Replay-Pa55!";
    private static ExchangeSimulator sim;

    @BeforeAll
    static void start() {
        String dataset = """
                {"domain":"contoso.com","serviceMailbox":"replay@contoso.com",
                 "mailboxes":[
                  {"address":"replay@contoso.com","password":"Replay-Pa55!","timeZone":"America/Los_Angeles",
                   "events":[
                    {"subject":"Contoso devs team meeting","start":"2013-08-21T19:30:00Z","end":"2013-08-21T20:00:00Z"},
                    {"subject":"Daily status meeting","start":"2013-08-21T20:00:00Z","end":"2013-08-21T21:00:00Z",
                     "timeZone":"America/Los_Angeles",
                     "recurrence":{"pattern":"DAILY","startDate":"2013-08-21","count":30}}]},
                  {"address":"user1@example.com","timeZone":"America/Los_Angeles",
                   "grants":{"replay@contoso.com":"FreeBusyTimeAndSubjectAndLocation"},
                   "events":[
                    {"subject":"Meet with Contoso Account Executives","start":"2006-10-16T13:00:00Z","end":"2006-10-16T13:30:00Z"},
                    {"subject":"Pick up my groceries","start":"2006-10-16T14:00:00Z","end":"2006-10-16T15:00:00Z"},
                    {"subject":"Meet with doctor","location":"Kirkland","start":"2006-10-16T16:40:00Z","end":"2006-10-16T17:10:00Z"}]},
                  {"address":"user2@example.com","timeZone":"America/Los_Angeles",
                   "events":[{"subject":"Maybe","start":"2006-10-16T16:00:00Z","end":"2006-10-16T17:00:00Z","freeBusy":"Tentative"}]},
                  {"address":"mack@contoso.com","timeZone":"America/Los_Angeles",
                   "workingHours":{"start":"09:00","end":"17:00"},
                   "events":[{"subject":"Planning","start":"2014-02-13T22:00:00Z","end":"2014-02-13T23:00:00Z"}]},
                  {"address":"sadie@contoso.com","timeZone":"America/Los_Angeles",
                   "events":[{"subject":"Review","start":"2014-02-13T21:00:00Z","end":"2014-02-13T22:00:00Z"}]},
                  {"address":"alfred@contoso.com","timeZone":"America/Los_Angeles"},
                  {"address":"svc-booking@contoso.com","timeZone":"Europe/Berlin"},
                  {"address":"user1@contoso.com","timeZone":"Europe/Berlin","grants":{"replay@contoso.com":"Reviewer"},
                   "events":[{"subject":"Planning","start":"2024-03-05T09:00:00Z","end":"2024-03-05T10:00:00Z"}]},
                  {"address":"user2@contoso.com","timeZone":"Europe/Berlin"},
                  {"address":"primary@contoso.com","timeZone":"America/Los_Angeles",
                   "grants":{"replay@contoso.com":"Reviewer"},
                   "events":[{"subject":"Team building exercise","start":"2014-03-05T18:00:00Z","end":"2014-03-05T20:00:00Z"}]}],
                 "impersonation":{"replay@contoso.com":["alfred@contoso.com","svc-booking@contoso.com"]}}
                """;
        sim = ExchangeSimulator.builder().port(0).schemaDir(schemaDir()).dataset(DatasetJson.parse(dataset))
                .validateResponses(true).start();
    }

    @AfterAll
    static void stop() {
        sim.assertAllResponsesValid();
        sim.close();
    }

    private static Path sample(String name) {
        return sharedDir().resolve("ews-samples").resolve("microsoft-docs").resolve(name);
    }

    private static HttpResponse<String> replay(String request, String expectedResponse) throws Exception {
        return replay(request, Files.readString(sample(request)), expectedResponse);
    }

    /** Sends {@code body} (the sample {@code request}, with server-specific ids substituted) and compares shapes. */
    private static HttpResponse<String> replay(String request, String body, String expectedResponse) throws Exception {
        body = body.replace("<t:FolderId Id=\"AAMk\" ChangeKey=\"AgAA\" />",
                "<t:FolderId Id=\"" + ItemIds.calendarFolderId(MailboxAddress.of(CALLER)) + "\" ChangeKey=\"AgAA\" />");
        HttpResponse<String> r = post(sim.ewsUrl(), basic(CALLER, PASSWORD), body);
        assertEquals(200, r.statusCode(), request + " -> " + r.body());
        assertSameShape(request, r.body(), expectedResponse);
        return r;
    }

    private static void assertSameShape(String request, String ourResponse, String expectedResponse) throws Exception {
        Set<String> ours = shape(ourResponse);
        Set<String> microsofts = shape(Files.readString(sample(expectedResponse)));
        assertTrue(microsofts.size() > 4, "the sample response has a real shape");
        Set<String> missing = new TreeSet<>(microsofts);
        missing.removeAll(ours);
        Set<String> extra = new TreeSet<>(ours);
        extra.removeAll(microsofts);
        assertTrue(missing.isEmpty() && extra.isEmpty(), request + ": missing " + missing + ", extra " + extra
                + "\n" + ourResponse);
    }

    /** Every element and attribute path under the SOAP Body, by namespace-qualified local name. */
    static Set<String> shape(String envelope) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));
        Element body = (Element) doc.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
        Set<String> paths = new TreeSet<>();
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                collect(e, "", paths);
            }
        }
        return paths;
    }

    private static void collect(Element e, String parent, Set<String> paths) {
        String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI().substring(e.getNamespaceURI().lastIndexOf('/') + 1);
        String path = parent + "/" + ns + ":" + e.getLocalName();
        paths.add(path);
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                paths.add(path + "@" + a.getLocalName());
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                collect(c, path, paths);
            }
        }
    }

    @Test
    void getUserAvailabilityDetailedMerged() throws Exception {
        replay("getuseravailability-request.xml", "getuseravailability-response.xml");
    }

    @Test
    void getUserAvailabilityWithTimeZoneContext() throws Exception {
        HttpResponse<String> r = replay("getuseravailability-tzcontext-suggestions-request.xml",
                "getuseravailability-tzcontext-suggestions-response.xml");
        // Times are in the TimeZoneContext zone (Pacific): Mack's 22:00Z meeting is at 14:00 there.
        assertTrue(r.body().contains("<t:StartTime>2014-02-13T14:00:00</t:StartTime>"), r.body());
        assertTrue(r.body().contains("<t:MeetingTime>2014-02-13T09:00:00</t:MeetingTime>"), r.body());
    }

    @Test
    void createItemWithImpersonation() throws Exception {
        replay("createitem-impersonation-request.xml", "createitem-impersonation-response.xml");
        assertEquals(1, sim.directory().get("alfred@contoso.com").calendar().items().stream()
                .filter(i -> "Tennis lesson".equals(i.subject())).count());
    }

    @Test
    void findItemInADelegatedCalendar() throws Exception {
        replay("finditem-delegate-calendar-request.xml", "finditem-delegate-calendar-response.xml");
    }

    /** The team's composed requests (../shared/ews-samples/composed) have no response sample; they must be accepted. */
    @Test
    void composedRequestsAreAccepted() throws Exception {
        for (String name : new String[] {"getuseravailability-impersonation-ewsjavaapi2-style-request.xml",
                "finditem-calendarview-delegated-mailbox-request.xml"}) {
            String body = Files.readString(sharedDir().resolve("ews-samples").resolve("composed").resolve(name));
            HttpResponse<String> r = post(sim.ewsUrl(), basic(CALLER, PASSWORD), body);
            assertEquals(200, r.statusCode(), name + " -> " + r.body());
            assertFalse(r.body().contains("ResponseClass=\"Error\""), name + " -> " + r.body());
        }
    }

    @Test
    void subscribeForStreamingNotifications() throws Exception {
        replay("subscribe-streaming-request.xml", "subscribe-streaming-response.xml");
    }

    @Test
    void findItemWithACalendarView() throws Exception {
        replay("finditem-calendarview-request.xml", "finditem-calendarview-response.xml");
    }

    /**
     * SyncFolderItems on the Inbox. The sample's SyncState ("H4sIAAA==") was issued by another server,
     * so it is refused (ErrorInvalidSyncStateData) as Exchange refuses a state it never issued. The
     * replay therefore first syncs without a state (the Inbox's messages come back as Creates), then
     * changes the mailbox in-process as mail traffic would: one message changed, one marked read, one
     * deleted, two delivered. The sample request is then sent with our state in place of Microsoft's,
     * and the answer has the sample's shape: Update, Create, ReadFlagChange and Delete.
     */
    @Test
    void syncFolderItemsOnTheInbox() throws Exception {
        String sample = Files.readString(sample("syncfolderitems-request.xml"));
        String foreignState = "<m:SyncState>H4sIAAA==</m:SyncState>";
        assertTrue(sample.contains(foreignState));
        HttpResponse<String> foreign = post(sim.ewsUrl(), basic(CALLER, PASSWORD), sample);
        assertEquals(200, foreign.statusCode(), foreign.body());
        assertTrue(foreign.body().contains("<m:ResponseCode>ErrorInvalidSyncStateData</m:ResponseCode>"), foreign.body());

        HttpResponse<String> initial = post(sim.ewsUrl(), basic(CALLER, PASSWORD), sample.replace(foreignState, ""));
        assertEquals(200, initial.statusCode(), initial.body());
        assertTrue(initial.body().split("<t:Create>", -1).length - 1 >= 3, initial.body());
        assertFalse(initial.body().contains("ResponseClass=\"Error\""), initial.body());
        String state = initial.body().replaceAll("(?s).*<m:SyncState>([^<]+)</m:SyncState>.*", "$1");

        MailFolder inbox = sim.directory().get(CALLER).inbox();
        String reply = bySubject(inbox, "RE: Review Proposal for Contoso").id();
        inbox.update(reply, m -> m.importance("High"));
        inbox.markRead(bySubject(inbox, "Review Proposal for Contoso").id(), true);
        inbox.delete(bySubject(inbox, "Welcome to your mailbox").id());
        for (String[] from : new String[][] {{"Hope Gross", "hope.gross@contoso.com"}, {"Mack Chaves", "mack@contoso.com"}}) {
            inbox.deliver(new MailMessage(MailFolder.newMessageId()).subject("RE: Review Proposal for Contoso")
                    .from(from[0], from[1]).displayTo("Legal Team; Executives").size(32515)
                    .inReplyTo("<proposal-1@contoso.com>").references("<proposal-1@contoso.com>"));
        }

        HttpResponse<String> r = replay("syncfolderitems-request.xml",
                sample.replace(foreignState, "<m:SyncState>" + state + "</m:SyncState>"), "syncfolderitems-response.xml");
        assertEquals(2, r.body().split("<t:Create>", -1).length - 1, r.body());
        assertTrue(r.body().contains("<t:Importance>High</t:Importance>"), r.body());
    }

    private static MailMessage bySubject(MailFolder inbox, String subject) {
        return inbox.messages().stream().filter(m -> subject.equals(m.subject())).findFirst().orElseThrow();
    }

    /**
     * GetStreamingEvents. The sample's SubscriptionId belongs to another server, so the replay first
     * sends Microsoft's Subscribe sample (streaming, Inbox) and puts the returned SubscriptionId into
     * the sample request in place of Microsoft's. The server answers at once with ConnectionStatus OK;
     * when a message is then delivered to the Inbox, the next message on the open stream has the
     * sample response's shape: CreatedEvent and NewMailEvent of the item, and ModifiedEvent of the
     * folder with its UnreadCount. The sample's unknown id itself is refused (ErrorSubscriptionNotFound).
     */
    @Test
    void getStreamingEventsOnTheInbox() throws Exception {
        String sample = Files.readString(sample("getstreamingevents-request.xml"));
        String foreignId = sample.replaceAll("(?s).*<t:SubscriptionId>([^<]+)</t:SubscriptionId>.*", "$1");
        HttpResponse<String> unknown = post(sim.ewsUrl(), basic(CALLER, PASSWORD), sample);
        assertEquals(200, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("<m:ResponseCode>ErrorSubscriptionNotFound</m:ResponseCode>"), unknown.body());

        HttpResponse<String> subscribed = replay("subscribe-streaming-request.xml", "subscribe-streaming-response.xml");
        String id = subscribed.body().replaceAll("(?s).*<m:SubscriptionId>([^<]+)</m:SubscriptionId>.*", "$1");
        String request = sample.replace(foreignId, id);
        CompletableFuture<HttpResponse<InputStream>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(sim.ewsUrl()).header("Authorization", basic(CALLER, PASSWORD))
                        .header("Content-Type", "text/xml; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(request)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response = stream.get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        try (InputStream in = response.body()) {
            String connected = nextEnvelope(in);
            assertTrue(connected.contains("<m:ConnectionStatus>OK</m:ConnectionStatus>"), connected);
            sim.directory().get(CALLER).inbox().deliver(new MailMessage(MailFolder.newMessageId())
                    .subject("Streamed").from("Hope Gross", "hope.gross@contoso.com").displayTo("Replay"));
            String notification = nextEnvelope(in);
            assertSameShape("getstreamingevents-request.xml", notification, "getstreamingevents-response.xml");
            assertTrue(notification.contains("<t:SubscriptionId>" + id + "</t:SubscriptionId>"), notification);
        }
    }

    /** Reads one SOAP envelope off a streaming response. */
    private static String nextEnvelope(InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream sb = new java.io.ByteArrayOutputStream();
        byte[] end = "</Envelope>".getBytes(StandardCharsets.UTF_8);
        int c;
        while ((c = in.read()) != -1) {
            sb.write(c);
            byte[] b = sb.toByteArray();
            if (b.length >= end.length && java.util.Arrays.equals(b, b.length - end.length, b.length, end, 0, end.length)) {
                return sb.toString(StandardCharsets.UTF_8);
            }
        }
        throw new java.io.EOFException("stream ended after: " + sb.toString(StandardCharsets.UTF_8));
    }

    /**
     * Microsoft's DeleteItem error sample has no request: it answers a DeleteItem of an item that is
     * not in the store. The equivalent request here (an id of ours whose item was deleted) must be
     * answered with the same shape: one Error message with MessageText, ResponseCode ErrorItemNotFound
     * and DescriptiveLinkKey.
     */
    @Test
    void deleteItemOfAnUnknownItemHasTheShapeOfTheErrorSample() throws Exception {
        String id = ItemIds.itemId(MailboxAddress.of(CALLER), "no-such-item");
        String body = """
                <?xml version="1.0" encoding="utf-8"?>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
                               xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
                  <soap:Body>
                    <DeleteItem DeleteType="HardDelete" SendMeetingCancellations="SendToNone"
                                xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">
                      <ItemIds><t:ItemId Id="%s"/></ItemIds>
                    </DeleteItem>
                  </soap:Body>
                </soap:Envelope>
                """.formatted(id);
        HttpResponse<String> r = post(sim.ewsUrl(), basic(CALLER, PASSWORD), body);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("<m:ResponseCode>ErrorItemNotFound</m:ResponseCode>"), r.body());
        assertSameShape("DeleteItem of an unknown id", r.body(), "deleteitem-ErrorItemNotFound-response.xml");
    }

    /** A new request sample in microsoft-docs must get a replay here; this lists the ones replayed above. */
    @Test
    void everyRequestSampleIsReplayed() throws Exception {
        Set<String> replayed = Set.of("getuseravailability-request.xml", "getuseravailability-tzcontext-suggestions-request.xml",
                "createitem-impersonation-request.xml", "finditem-delegate-calendar-request.xml",
                "finditem-calendarview-request.xml", "subscribe-streaming-request.xml", "syncfolderitems-request.xml",
                "getstreamingevents-request.xml");
        Set<String> samples = new TreeSet<>();
        try (var files = Files.list(sample(""))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("-request.xml")).forEach(samples::add);
        }
        assertEquals(new TreeSet<>(replayed), samples);
    }
}
