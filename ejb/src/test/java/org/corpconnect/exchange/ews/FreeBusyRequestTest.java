package org.corpconnect.exchange.ews;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import microsoft.exchange.webservices.data.core.EwsServiceXmlWriter;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.availability.AvailabilityData;
import microsoft.exchange.webservices.data.core.enumeration.availability.FreeBusyViewType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.request.GetUserAvailabilityRequest;
import microsoft.exchange.webservices.data.core.request.ServiceRequestBase;
import microsoft.exchange.webservices.data.misc.availability.AttendeeInfo;
import microsoft.exchange.webservices.data.misc.availability.AvailabilityOptions;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.junit.jupiter.api.Test;

/** {@link FreeBusyRequest} writes the very envelope ews-java-api 2.0's GetUserAvailabilityRequest wrote. */
class FreeBusyRequestTest {

    private static final List<MailboxAddress> MAILBOXES = List.of(new MailboxAddress("anna.schmidt@contoso.test"),
            new MailboxAddress("o'brien&co@contoso.test"));

    @Test
    void theEnvelopeIsEwsJavaApis() throws Exception {
        TimeWindow days = new TimeWindow(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-04-13T00:00:00Z"));
        try (ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2)) {
            String ours = written(new FreeBusyRequest(service, MAILBOXES, days), service);
            assertEquals(ewsJavaApis(service, days), ours);
            assertTrue(ours.contains("<t:RequestedView>FreeBusy</t:RequestedView>"), ours);
            assertFalse(ours.contains("Detailed"), ours);

            // An app's token impersonates the dedicated mailbox: the header is ews-java-api's, in both.
            EwsGateway.impersonate(service, new MailboxAddress("booking-service@contoso.test"));
            String impersonating = written(new FreeBusyRequest(service, MAILBOXES, days), service);
            assertEquals(ewsJavaApis(service, days), impersonating);
            assertTrue(impersonating.contains("<t:SmtpAddress>booking-service@contoso.test</t:SmtpAddress>"), impersonating);
        }
    }

    private static String ewsJavaApis(ExchangeService service, TimeWindow days) throws Exception {
        GetUserAvailabilityRequest request = new GetUserAvailabilityRequest(service);
        request.setAttendees(MAILBOXES.stream().map(m -> new AttendeeInfo(m.value())).toList());
        request.setTimeWindow(new microsoft.exchange.webservices.data.misc.availability.TimeWindow(
                Date.from(days.start()), Date.from(days.end())));
        request.setRequestedData(AvailabilityData.FreeBusy);
        AvailabilityOptions options = new AvailabilityOptions();
        options.setRequestedFreeBusyView(FreeBusyViewType.FreeBusy);
        request.setOptions(options);
        return written(request, service);
    }

    private static String written(ServiceRequestBase<?> request, ExchangeService service) throws Exception {
        Method writeToXml = ServiceRequestBase.class.getDeclaredMethod("writeToXml", EwsServiceXmlWriter.class);
        writeToXml.setAccessible(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeToXml.invoke(request, new EwsServiceXmlWriter(service, out));
        return out.toString(StandardCharsets.UTF_8);
    }
}
