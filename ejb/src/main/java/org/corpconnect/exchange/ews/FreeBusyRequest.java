package org.corpconnect.exchange.ews;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import microsoft.exchange.webservices.data.core.EwsServiceXmlReader;
import microsoft.exchange.webservices.data.core.EwsServiceXmlWriter;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.XmlElementNames;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.misc.TraceFlags;
import microsoft.exchange.webservices.data.core.enumeration.misc.XmlNamespace;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceRequestException;
import microsoft.exchange.webservices.data.core.request.HttpWebRequest;
import microsoft.exchange.webservices.data.core.request.ServiceRequestBase;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;

/**
 * One GetUserAvailability request, FreeBusy view only (never Detailed: event details stay in Exchange),
 * sent through ews-java-api and read by {@link FreeBusyAnswerReader}.
 *
 * <p>ews-java-api writes the envelope and its header (RequestServerVersion, the impersonation an app's
 * token needs) and sends it with the service's HTTP client: its authentication, headers, cookies, user
 * agent, gzip and the checked sockets, as for every other call. Its failures are its own too: an HTTP
 * error or a SOAP fault (ErrorServerBusy with its BackOffMilliseconds) arrives as the exception
 * {@link EwsFailures} translates for every other operation. Only the body is ours, and it is what
 * ews-java-api's GetUserAvailabilityRequest (final, with its own reader) writes for
 * {@code AvailabilityData.FreeBusy} and a FreeBusy view: a UTC legacy TimeZone, the mailboxes as
 * Required attendees, the window as whole UTC days, a merged interval of 30 minutes (unused by this view).
 */
final class FreeBusyRequest extends ServiceRequestBase<List<FreeBusyAnswerReader.MailboxAnswer>> {

    private static final DateTimeFormatter UNZONED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final List<MailboxAddress> mailboxes;
    private final TimeWindow utcDays;

    FreeBusyRequest(ExchangeService service, List<MailboxAddress> mailboxes, TimeWindow utcDays) throws Exception {
        super(service);
        if (mailboxes.isEmpty()) {
            throw new IllegalArgumentException("No mailboxes to ask free/busy for.");
        }
        this.mailboxes = List.copyOf(mailboxes);
        this.utcDays = Objects.requireNonNull(utcDays);
    }

    /** Sends the request and reads its answer; fails as ews-java-api's own execute did. */
    List<FreeBusyAnswerReader.MailboxAnswer> execute() throws Exception {
        HttpWebRequest response = null;
        try {
            response = validateAndEmitRequest();
            return read(response);
        } catch (IOException e) {
            throw new ServiceRequestException("The request failed. " + e.getMessage(), e);
        } catch (Exception e) {
            if (response != null) {
                getService().processHttpResponseHeaders(TraceFlags.EwsResponseHttpHeaders, response);
            }
            throw new ServiceRequestException("The request failed. " + e.getMessage(), e);
        }
    }

    private List<FreeBusyAnswerReader.MailboxAnswer> read(HttpWebRequest response) throws Exception {
        try {
            String contentType = response.getResponseContentType();
            if (contentType == null || !contentType.startsWith("text/xml")) {
                throw new ServiceRequestException("The response received from the service didn't contain valid XML.");
            }
            getService().processHttpResponseHeaders(TraceFlags.EwsResponseHttpHeaders, response);
            try (InputStream body = getResponseStream(response)) { // gzip and deflate as ews-java-api accepts them
                return FreeBusyAnswerReader.read(body);
            }
        } finally {
            response.close();
        }
    }

    @Override
    public String getXmlElementName() {
        return XmlElementNames.GetUserAvailabilityRequest;
    }

    @Override
    protected String getResponseXmlElementName() {
        return XmlElementNames.GetUserAvailabilityResponse;
    }

    @Override
    protected ExchangeVersion getMinimumRequiredServerVersion() {
        return ExchangeVersion.Exchange2007_SP1;
    }

    @Override
    protected List<FreeBusyAnswerReader.MailboxAnswer> parseResponse(EwsServiceXmlReader reader) {
        throw new UnsupportedOperationException("The answer is read by FreeBusyAnswerReader.");
    }

    @Override
    protected void writeElementsToXml(EwsServiceXmlWriter writer) throws Exception {
        writer.writeStartElement(XmlNamespace.Types, XmlElementNames.TimeZone);
        writer.writeElementValue(XmlNamespace.Types, XmlElementNames.Bias, 0);
        // No time changes: two of zero delta, as ews-java-api's LegacyAvailabilityTimeZone for UTC.
        writeTimeChange(writer, XmlElementNames.StandardTime, 3);
        writeTimeChange(writer, XmlElementNames.DaylightTime, 10);
        writer.writeEndElement(); // TimeZone

        writer.writeStartElement(XmlNamespace.Messages, XmlElementNames.MailboxDataArray);
        for (MailboxAddress mailbox : mailboxes) {
            writer.writeStartElement(XmlNamespace.Types, XmlElementNames.MailboxData);
            writer.writeStartElement(XmlNamespace.Types, XmlElementNames.Email);
            writer.writeElementValue(XmlNamespace.Types, XmlElementNames.Address, mailbox.value());
            writer.writeEndElement(); // Email
            writer.writeElementValue(XmlNamespace.Types, XmlElementNames.AttendeeType, "Required");
            writer.writeElementValue(XmlNamespace.Types, XmlElementNames.ExcludeConflicts, "false");
            writer.writeEndElement(); // MailboxData
        }
        writer.writeEndElement(); // MailboxDataArray

        writer.writeStartElement(XmlNamespace.Types, XmlElementNames.FreeBusyViewOptions);
        writer.writeStartElement(XmlNamespace.Types, XmlElementNames.TimeWindow);
        writer.writeElementValue(XmlNamespace.Types, XmlElementNames.StartTime, wholeUtcDay(utcDays.start()));
        writer.writeElementValue(XmlNamespace.Types, XmlElementNames.EndTime, wholeUtcDay(utcDays.end()));
        writer.writeEndElement(); // TimeWindow
        writer.writeElementValue(XmlNamespace.Types, XmlElementNames.MergedFreeBusyIntervalInMinutes, 30);
        writer.writeElementValue(XmlNamespace.Types, XmlElementNames.RequestedView, "FreeBusy");
        writer.writeEndElement(); // FreeBusyViewOptions
    }

    private static void writeTimeChange(EwsServiceXmlWriter writer, String element, int month) throws Exception {
        writer.writeStartElement(XmlNamespace.Types, element);
        writer.writeElementValue(XmlNamespace.Types, XmlElementNames.Bias, 0);
        writer.writeElementValue(XmlNamespace.Types, XmlElementNames.Time, "02:00:00");
        writer.writeElementValue(XmlNamespace.Types, XmlElementNames.DayOrder, 1);
        writer.writeElementValue(XmlNamespace.Types, XmlElementNames.Month, month);
        writer.writeElementValue(XmlNamespace.Types, XmlElementNames.DayOfWeek, "Sunday");
        writer.writeEndElement();
    }

    /** The UTC day of {@code instant}, at 00:00, unzoned: ews-java-api's writeToXmlUnscopedDatesOnly. */
    private static String wholeUtcDay(java.time.Instant instant) {
        return UNZONED.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toLocalDate().atStartOfDay());
    }
}
