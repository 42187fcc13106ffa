package org.corpconnect.sim.interop;

import static org.corpconnect.sim.TestSupport.ANNA;
import static org.corpconnect.sim.TestSupport.DAVID;
import static org.corpconnect.sim.TestSupport.MICHAEL;
import static org.corpconnect.sim.TestSupport.SERVICE;
import static org.corpconnect.sim.TestSupport.SERVICE_PASSWORD;
import static org.corpconnect.sim.TestSupport.ewsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.availability.AvailabilityData;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.search.FolderTraversal;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.response.AttendeeAvailability;
import microsoft.exchange.webservices.data.core.service.folder.CalendarFolder;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;
import microsoft.exchange.webservices.data.misc.availability.AttendeeInfo;
import microsoft.exchange.webservices.data.misc.availability.GetUserAvailabilityResults;
import microsoft.exchange.webservices.data.misc.availability.TimeWindow;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.complex.Mailbox;
import microsoft.exchange.webservices.data.search.CalendarView;
import microsoft.exchange.webservices.data.search.FindFoldersResults;
import microsoft.exchange.webservices.data.search.FolderView;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.junit.ExchangeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ews-java-api 2.0 as its documentation starts (the default {@code new ExchangeService()}, which is
 * Exchange2010_SP2, and {@code WebCredentials}), doing what the independent clients do in
 * {@link IndependentClientsTest}: free/busy for several users, the folder walk, a delegate's
 * calendar view and an impersonated create, read and delete, against the demo data set.
 */
class EwsJavaApiDefaultFlowTest {
    @RegisterExtension
    static ExchangeSimulatorExtension exchange = ExchangeSimulatorExtension.withDataset(Dataset.demo());

    private static ExchangeService service() {
        ExchangeService service = new ExchangeService();
        service.setCredentials(new WebCredentials(SERVICE, SERVICE_PASSWORD));
        service.setUrl(exchange.simulator().ewsUrl());
        return service;
    }

    private static ExchangeService impersonating(String user) {
        ExchangeService service = service();
        service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, user));
        return service;
    }

    private static Date today() {
        return Date.from(LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    @Test
    void freeBusyOfSeveralUsers() throws Exception {
        try (ExchangeService service = service()) {
            List<AttendeeInfo> people = List.of(new AttendeeInfo(ANNA), new AttendeeInfo("lukas.weber@contoso.test"),
                    new AttendeeInfo("james.miller@contoso.test"));
            Date start = today();
            GetUserAvailabilityResults results = service.getUserAvailability(people,
                    new TimeWindow(start, Date.from(start.toInstant().plus(7, ChronoUnit.DAYS))), AvailabilityData.FreeBusy);
            int i = 0;
            for (AttendeeAvailability availability : results.getAttendeesAvailability()) {
                assertEquals(ServiceError.NoError, availability.getErrorCode(), people.get(i).getSmtpAddress());
                assertFalse(availability.getCalendarEvents().isEmpty(), people.get(i).getSmtpAddress());
                i++;
            }
            assertEquals(people.size(), i);
        }
    }

    @Test
    void theFolderWalkFromTheRoot() throws Exception {
        try (ExchangeService service = service()) {
            Folder root = Folder.bind(service, WellKnownFolderName.Root);
            FolderView view = new FolderView(100);
            view.setTraversal(FolderTraversal.Deep);
            FindFoldersResults found = root.findFolders(view);
            List<String> names = found.getFolders().stream().map(f -> {
                try {
                    return f.getDisplayName();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertTrue(names.containsAll(List.of("Top of Information Store", "Calendar", "Inbox", "Sent Items", "Tasks")), names.toString());
            assertTrue(found.getFolders().stream().anyMatch(f -> f instanceof CalendarFolder), "the calendar is a CalendarFolder");
            assertEquals(3, Folder.bind(service, WellKnownFolderName.Inbox).getTotalCount());
        }
    }

    @Test
    void aDelegateViewsMichaelsCalendar() throws Exception {
        try (ExchangeService service = service()) {
            CalendarFolder calendar = CalendarFolder.bind(service, new FolderId(WellKnownFolderName.Calendar, new Mailbox(MICHAEL)));
            Date start = today();
            var appointments = calendar.findAppointments(new CalendarView(start, Date.from(start.toInstant().plus(7, ChronoUnit.DAYS))));
            assertTrue(appointments.getItems().stream().filter(a -> {
                try {
                    return "Daily stand-up".equals(a.getSubject());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).count() >= 3, appointments.getItems().size() + " appointments");
            assertEquals(ServiceError.ErrorAccessDenied, ewsError(() -> Folder.bind(service,
                    new FolderId(WellKnownFolderName.Root, new Mailbox(MICHAEL)))).getErrorCode());
        }
    }

    @Test
    void anImpersonatedCreateReadAndDelete() throws Exception {
        try (ExchangeService service = impersonating(ANNA)) {
            Appointment appointment = new Appointment(service);
            appointment.setSubject("Interop check (ews-java-api)");
            Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(2, ChronoUnit.DAYS).plus(20, ChronoUnit.HOURS);
            appointment.setStart(Date.from(start));
            appointment.setEnd(Date.from(start.plus(30, ChronoUnit.MINUTES)));
            appointment.save(WellKnownFolderName.Calendar, SendInvitationsMode.SendToNone);
            ItemId id = appointment.getId();

            Appointment read = Appointment.bind(service, id);
            assertEquals("Interop check (ews-java-api)", read.getSubject());
            assertEquals(start, read.getStart().toInstant());
            read.delete(DeleteMode.HardDelete, SendCancellationsMode.SendToNone);
            assertEquals(ServiceError.ErrorItemNotFound, ewsError(() -> Appointment.bind(service, id)).getErrorCode());
        }
        try (ExchangeService david = impersonating(DAVID)) {
            assertEquals(ServiceError.ErrorImpersonateUserDenied,
                    ewsError(() -> Folder.bind(david, WellKnownFolderName.Calendar)).getErrorCode());
        }
    }
}
