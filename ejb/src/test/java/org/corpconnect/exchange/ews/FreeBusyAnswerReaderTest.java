package org.corpconnect.exchange.ews;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import microsoft.exchange.webservices.data.core.EwsServiceXmlReader;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.availability.AvailabilityData;
import microsoft.exchange.webservices.data.core.enumeration.availability.FreeBusyViewType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.service.ServiceResult;
import microsoft.exchange.webservices.data.core.request.GetUserAvailabilityRequest;
import microsoft.exchange.webservices.data.core.request.ServiceRequestBase;
import microsoft.exchange.webservices.data.core.response.AttendeeAvailability;
import microsoft.exchange.webservices.data.misc.availability.AvailabilityOptions;
import microsoft.exchange.webservices.data.misc.availability.GetUserAvailabilityResults;
import microsoft.exchange.webservices.data.property.complex.availability.CalendarEvent;
import org.corpconnect.exchange.ews.FreeBusyAnswerReader.Answered;
import org.corpconnect.exchange.ews.FreeBusyAnswerReader.Event;
import org.corpconnect.exchange.ews.FreeBusyAnswerReader.Failed;
import org.corpconnect.exchange.ews.FreeBusyAnswerReader.MailboxAnswer;
import org.corpconnect.exchange.ews.FreeBusyAnswerReader.WorkingPeriod;
import org.junit.jupiter.api.Test;

/**
 * {@link FreeBusyAnswerReader} on Microsoft's documented answers (../shared/ews-samples) and on canned
 * edge cases, each unzoned one read by ews-java-api 2.0's own parser as well: both must say the same.
 */
class FreeBusyAnswerReaderTest {

    private static final String ENVELOPE_START = """
            <?xml version="1.0" encoding="utf-8"?>
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
              <s:Header><h:ServerVersionInfo MajorVersion="15" MinorVersion="1" MajorBuildNumber="2507" MinorBuildNumber="6"
                  xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"/></s:Header>
              <s:Body>
                <GetUserAvailabilityResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">
                  <FreeBusyResponseArray>
            """;
    private static final String ENVELOPE_END = """
                  </FreeBusyResponseArray>
                </GetUserAvailabilityResponse>
              </s:Body>
            </s:Envelope>
            """;
    private static final String OK = """
            <ResponseMessage ResponseClass="Success"><ResponseCode>NoError</ResponseCode></ResponseMessage>
            """;

    private static String answer(String... freeBusyResponses) {
        StringBuilder sb = new StringBuilder(ENVELOPE_START);
        for (String r : freeBusyResponses) {
            sb.append("<FreeBusyResponse>").append(r).append("</FreeBusyResponse>\n");
        }
        return sb.append(ENVELOPE_END).toString();
    }

    private static String view(String events, String workingHours) {
        return "<FreeBusyView><FreeBusyViewType xmlns=\"http://schemas.microsoft.com/exchange/services/2006/types\">FreeBusy</FreeBusyViewType>"
                + "<CalendarEventArray xmlns=\"http://schemas.microsoft.com/exchange/services/2006/types\">" + events
                + "</CalendarEventArray>" + workingHours + "</FreeBusyView>";
    }

    private static String event(String start, String end, String busyType) {
        return "<CalendarEvent><StartTime>" + start + "</StartTime><EndTime>" + end + "</EndTime><BusyType>" + busyType
                + "</BusyType></CalendarEvent>";
    }

    private static String workingHours(String... periods) {
        StringBuilder sb = new StringBuilder("<WorkingHours xmlns=\"http://schemas.microsoft.com/exchange/services/2006/types\">"
                + "<TimeZone><Bias>-60</Bias><StandardTime><Bias>0</Bias><Time>03:00:00</Time><DayOrder>5</DayOrder>"
                + "<Month>10</Month><DayOfWeek>Sunday</DayOfWeek></StandardTime><DaylightTime><Bias>-60</Bias>"
                + "<Time>02:00:00</Time><DayOrder>5</DayOrder><Month>3</Month><DayOfWeek>Sunday</DayOfWeek></DaylightTime>"
                + "</TimeZone><WorkingPeriodArray>");
        for (String p : periods) {
            sb.append(p);
        }
        return sb.append("</WorkingPeriodArray></WorkingHours>").toString();
    }

    private static String period(String days, int start, int end) {
        return "<WorkingPeriod><DayOfWeek>" + days + "</DayOfWeek><StartTimeInMinutes>" + start
                + "</StartTimeInMinutes><EndTimeInMinutes>" + end + "</EndTimeInMinutes></WorkingPeriod>";
    }

    private static String error(String code, String text) {
        return "<ResponseMessage ResponseClass=\"Error\"><MessageText>" + text + "</MessageText><ResponseCode>" + code
                + "</ResponseCode><DescriptiveLinkKey>0</DescriptiveLinkKey></ResponseMessage>"
                + "<FreeBusyView><FreeBusyViewType xmlns=\"http://schemas.microsoft.com/exchange/services/2006/types\">None"
                + "</FreeBusyViewType></FreeBusyView>";
    }

    private static List<MailboxAnswer> read(String xml) throws XMLStreamException {
        return read(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<MailboxAnswer> read(byte[] xml) throws XMLStreamException {
        return FreeBusyAnswerReader.read(new ByteArrayInputStream(xml));
    }

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Path.of(System.getProperty("shared.dir")).resolve("ews-samples").resolve(name));
    }

    private static Event ev(String start, String end, String type) {
        return new Event(Instant.parse(start), Instant.parse(end), type);
    }

    @Test
    void theDocumentedAnswerWithTwoMailboxes() throws Exception {
        // getuseravailability-operation.md: its times carry an offset (the request's zone was Pacific).
        List<MailboxAnswer> answers = read(sample("microsoft-docs/getuseravailability-response.xml"));

        assertEquals(2, answers.size());
        WorkingPeriod weekdays = new WorkingPeriod(List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"), 480, 1020);
        assertEquals(new Answered(List.of(
                ev("2006-10-16T13:00:00Z", "2006-10-16T13:30:00Z", "Busy"),
                ev("2006-10-16T14:00:00Z", "2006-10-16T15:00:00Z", "Busy"),
                ev("2006-10-16T16:40:00Z", "2006-10-16T17:10:00Z", "Busy")), Optional.of(weekdays)), answers.get(0),
                "CalendarEventDetails skipped, never kept");
        assertEquals(new Answered(List.of(ev("2006-10-16T16:00:00Z", "2006-10-16T17:00:00Z", "Tentative")),
                Optional.of(weekdays)), answers.get(1));
    }

    @Test
    void theDocumentedAnswerWithSuggestionsAndUnzonedTimes() throws Exception {
        byte[] xml = sample("microsoft-docs/getuseravailability-tzcontext-suggestions-response.xml");
        List<MailboxAnswer> answers = read(xml);

        Answered first = assertInstanceOf(Answered.class, answers.get(0));
        assertEquals(List.of(ev("2014-02-13T08:00:00Z", "2014-02-13T10:00:00Z", "Free"),
                ev("2014-02-13T11:00:00Z", "2014-02-13T12:00:00Z", "Busy")), first.events());
        assertEquals(2, answers.size(), "the SuggestionsResponse after the array is not read");
        // Not compared with ews-java-api: asked for free/busy only, it cannot read an answer with suggestions.
    }

    @Test
    void oneMailboxsErrorBesideAnAnswer() throws Exception {
        byte[] xml = sample("composed/getuseravailability-per-mailbox-error-response.xml");
        List<MailboxAnswer> answers = read(xml);

        assertEquals(List.of(
                new Answered(List.of(ev("2024-03-04T09:00:00Z", "2024-03-04T10:00:00Z", "Busy")), Optional.empty()),
                new Failed("ErrorMailRecipientNotFound", "Mail recipient not found in the directory.")), answers);
        // ews-java-api cannot read the sample's leading comment (Exchange writes none): compared without it.
        assertSameAsEwsJavaApi(new String(xml, StandardCharsets.UTF_8).replaceFirst("(?s)<!--.*?-->", ""));
    }

    @Test
    void everyBusyTypeErrorsAndWarnings() throws Exception {
        String xml = answer(
                OK + view(event("2026-03-02T08:00:00", "2026-03-02T09:00:00", "WorkingElsewhere")
                        + event("2026-03-02T09:00:00", "2026-03-02T10:00:00", "NoData")
                        + event("2026-03-02T10:00:00", "2026-03-02T11:00:00", "Free")
                        + event("2026-03-02T11:00:00", "2026-03-02T12:00:00", "Tentative")
                        + event("2026-03-02T12:00:00", "2026-03-03T00:00:00", "OOF")
                        + "<CalendarEvent><StartTime>2026-03-03T23:30:00</StartTime><EndTime>2026-03-04T00:15:00</EndTime>"
                        + "<BusyType>Busy</BusyType><CalendarEventDetails><ID>1</ID><Subject>never asked for</Subject>"
                        + "</CalendarEventDetails></CalendarEvent>",
                        workingHours(period("Weekday", 450, 1050), period("Saturday Sunday", 600, 660))),
                error("ErrorNoFreeBusyAccess", "No free/busy access."),
                error("ErrorSomethingNewInExchange", "A code ews-java-api 2.0 does not know."),
                // A Warning whose code is not NoError: no view read, and not an error either.
                "<ResponseMessage ResponseClass=\"Warning\"><MessageText>Partial.</MessageText>"
                        + "<ResponseCode>ErrorBatchProcessingStopped</ResponseCode><DescriptiveLinkKey>0</DescriptiveLinkKey>"
                        + "</ResponseMessage>" + view(event("2026-03-02T08:00:00", "2026-03-02T09:00:00", "Busy"), ""),
                OK + view("", workingHours(period("Monday  Friday Holiday", 0, 1440))),
                OK + view("", workingHours()),
                OK + "<FreeBusyView><FreeBusyViewType xmlns=\"http://schemas.microsoft.com/exchange/services/2006/types\">"
                        + "FreeBusy</FreeBusyViewType></FreeBusyView>");

        List<MailboxAnswer> answers = read(xml);

        assertEquals(7, answers.size());
        Answered anna = assertInstanceOf(Answered.class, answers.get(0));
        assertEquals(List.of("WorkingElsewhere", "NoData", "Free", "Tentative", "OOF", "Busy"),
                anna.events().stream().map(Event::busyType).toList());
        assertEquals(ev("2026-03-03T23:30:00Z", "2026-03-04T00:15:00Z", "Busy"), anna.events().get(5));
        assertEquals(Optional.of(new WorkingPeriod(List.of("Weekday"), 450, 1050)), anna.workingHours(), "the first period only");
        assertEquals(new Failed("ErrorNoFreeBusyAccess", "No free/busy access."), answers.get(1));
        assertEquals(new Failed("ErrorSomethingNewInExchange", "A code ews-java-api 2.0 does not know."), answers.get(2));
        assertEquals(new Answered(List.of(), Optional.empty()), answers.get(3));
        assertEquals(Optional.of(new WorkingPeriod(List.of("Monday", "Friday", "Holiday"), 0, 1440)),
                ((Answered) answers.get(4)).workingHours());
        assertEquals(new Answered(List.of(), Optional.empty()), answers.get(5), "no WorkingPeriod: no working hours");
        assertEquals(new Answered(List.of(), Optional.empty()), answers.get(6));
    }

    @Test
    void whatEwsJavaApiReadsTheSameWay() throws Exception {
        // Without the code ews-java-api does not know (it fails the whole request on it, see below) and
        // without the empty WorkingPeriodArray (it fails on that too).
        assertSameAsEwsJavaApi(answer(
                OK + view(event("2026-03-02T08:00:00", "2026-03-02T09:00:00", "WorkingElsewhere")
                        + event("2026-03-02T09:00:00", "2026-03-02T10:00:00", "NoData")
                        + event("2026-03-02T10:00:00", "2026-03-02T11:00:00", "Free")
                        + event("2026-03-02T11:00:00", "2026-03-02T12:00:00", "Tentative")
                        + event("2026-03-02T12:00:00", "2026-03-03T00:00:00", "OOF"),
                        workingHours(period("Weekday", 450, 1050), period("Saturday Sunday", 600, 660))),
                error("ErrorNoFreeBusyAccess", "No free/busy access."),
                error("ErrorMailRecipientNotFound", "Not found."),
                "<ResponseMessage ResponseClass=\"Warning\"><MessageText>Partial.</MessageText>"
                        + "<ResponseCode>ErrorBatchProcessingStopped</ResponseCode><DescriptiveLinkKey>0</DescriptiveLinkKey>"
                        + "</ResponseMessage>" + view(event("2026-03-02T08:00:00", "2026-03-02T09:00:00", "Busy"), ""),
                OK + view("", workingHours(period("Monday  Friday Holiday", 0, 1440))),
                OK + view("", workingHours(period("Day", 1440, 480))),
                OK + "<FreeBusyView><FreeBusyViewType xmlns=\"http://schemas.microsoft.com/exchange/services/2006/types\">"
                        + "FreeBusy</FreeBusyViewType></FreeBusyView>").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void timesWithoutAnOffsetAreUtcAndFractionsAndOffsetsAreKept() {
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), FreeBusyAnswerReader.time("2026-03-29T01:30:00"));
        assertEquals(Instant.parse("2026-03-29T01:30:00.250Z"), FreeBusyAnswerReader.time("2026-03-29T01:30:00.250"));
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), FreeBusyAnswerReader.time(" 2026-03-29T01:30:00Z\n"));
        assertEquals(Instant.parse("2026-03-29T00:30:00Z"), FreeBusyAnswerReader.time("2026-03-29T01:30:00+01:00"));
        assertThrows(RuntimeException.class, () -> FreeBusyAnswerReader.time("2026-03-29T01:3x:00"));
        assertThrows(RuntimeException.class, () -> FreeBusyAnswerReader.time("2026-02-30T01:30:00"));
        assertThrows(RuntimeException.class, () -> FreeBusyAnswerReader.time("tomorrow"));
    }

    @Test
    void whatIsNotAFreeBusyAnswerIsRefused() throws Exception {
        // A SOAP fault with HTTP 200, the ErrorServerBusy fault of exchangelib's tests.
        assertThrows(XMLStreamException.class, () -> read(sample("exchangelib/errorserverbusy-fault-response.xml")));
        assertThrows(XMLStreamException.class, () -> read("<html><body>Sign in</body></html>"));
        assertThrows(XMLStreamException.class, () -> read(ENVELOPE_START), "cut short");
        assertThrows(XMLStreamException.class, () -> read(ENVELOPE_START.replace("<FreeBusyResponseArray>", "")
                + "</GetUserAvailabilityResponse></s:Body></s:Envelope>"), "no FreeBusyResponseArray");
        assertThrows(XMLStreamException.class, () -> read(answer("<FreeBusyView/>")), "no ResponseMessage");
        assertThrows(XMLStreamException.class, () -> read(answer(OK) + "<trailing/>"), "not well-formed after the answer");
        String entity = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + answer(OK).substring(answer(OK).indexOf("<s:Envelope"));
        assertThrows(XMLStreamException.class, () -> read(entity), "a DTD is refused, never expanded");
    }

    /**
     * ews-java-api's GetUserAvailabilityRequest parser on the same bytes (through its protected readResponse):
     * the same errors, events (start, end, busy type) and working hours per mailbox.
     */
    private static void assertSameAsEwsJavaApi(byte[] xml) throws Exception {
        List<MailboxAnswer> ours = read(xml);
        try (ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2)) {
            GetUserAvailabilityRequest request = new GetUserAvailabilityRequest(service);
            request.setRequestedData(AvailabilityData.FreeBusy);
            AvailabilityOptions options = new AvailabilityOptions();
            options.setRequestedFreeBusyView(FreeBusyViewType.FreeBusy);
            request.setOptions(options);
            Method readResponse = ServiceRequestBase.class.getDeclaredMethod("readResponse", EwsServiceXmlReader.class);
            readResponse.setAccessible(true);
            GetUserAvailabilityResults theirs;
            try {
                theirs = (GetUserAvailabilityResults) readResponse.invoke(request,
                        new EwsServiceXmlReader(new ByteArrayInputStream(xml), service));
            } catch (InvocationTargetException e) {
                throw new AssertionError("ews-java-api could not read it", e.getCause());
            }
            assertEquals(theirs.getAttendeesAvailability().getCount(), ours.size());
            for (int i = 0; i < ours.size(); i++) {
                AttendeeAvailability their = theirs.getAttendeesAvailability().getResponseAtIndex(i);
                MailboxAnswer our = ours.get(i);
                if (their.getResult() == ServiceResult.Error) {
                    Failed failed = assertInstanceOf(Failed.class, our, "mailbox " + i);
                    assertEquals(their.getErrorCode(), EwsFailures.serviceError(failed.responseCode()));
                    assertEquals(their.getErrorMessage(), failed.messageText());
                    continue;
                }
                Answered answered = assertInstanceOf(Answered.class, our, "mailbox " + i);
                List<Event> theirEvents = new ArrayList<>();
                for (CalendarEvent e : their.getCalendarEvents()) {
                    theirEvents.add(new Event(e.getStartTime().toInstant(), e.getEndTime().toInstant(),
                            e.getFreeBusyStatus() == null ? null : e.getFreeBusyStatus().name()));
                }
                assertEquals(theirEvents.stream().map(e -> e.start() + " " + e.end() + " " + EwsBusyTimes.busyType(e.busyType())).toList(),
                        answered.events().stream().map(e -> e.start() + " " + e.end() + " " + EwsBusyTimes.busyType(e.busyType())).toList(),
                        "mailbox " + i);
                var hours = their.getWorkingHours();
                Optional<WorkingPeriod> theirHours = hours == null ? Optional.empty() : Optional.of(new WorkingPeriod(
                        hours.getDaysOfTheWeek().stream().map(Enum::name).toList(), hours.getStartTime(), hours.getEndTime()));
                assertEquals(EwsBusyTimes.workingWeekOf(theirHours), EwsBusyTimes.workingWeekOf(answered.workingHours()),
                        "mailbox " + i);
            }
        }
    }

    private static void assertSameAsEwsJavaApi(String xml) throws Exception {
        assertSameAsEwsJavaApi(xml.getBytes(StandardCharsets.UTF_8));
    }
}
