package org.corpconnect.sim.soap;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.DatasetJson;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.items.ItemIds;
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
 * Only server-specific ids are replaced (the docs abbreviate them to "AAMk").
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
        String body = Files.readString(sample(request));
        body = body.replace("<t:FolderId Id=\"AAMk\" ChangeKey=\"AgAA\" />",
                "<t:FolderId Id=\"" + ItemIds.calendarFolderId(MailboxAddress.of(CALLER)) + "\" ChangeKey=\"AgAA\" />");
        HttpResponse<String> r = post(sim.ewsUrl(), basic(CALLER, PASSWORD), body);
        assertEquals(200, r.statusCode(), request + " -> " + r.body());
        Set<String> ours = shape(r.body());
        Set<String> microsofts = shape(Files.readString(sample(expectedResponse)));
        assertTrue(microsofts.size() > 4, "the sample response has a real shape");
        Set<String> missing = new TreeSet<>(microsofts);
        missing.removeAll(ours);
        Set<String> extra = new TreeSet<>(ours);
        extra.removeAll(microsofts);
        assertTrue(missing.isEmpty() && extra.isEmpty(), request + ": missing " + missing + ", extra " + extra);
        return r;
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
}
