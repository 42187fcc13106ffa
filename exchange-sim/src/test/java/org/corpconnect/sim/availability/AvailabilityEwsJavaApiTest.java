package org.corpconnect.sim.availability;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.availability.AvailabilityData;
import microsoft.exchange.webservices.data.core.enumeration.availability.FreeBusyViewType;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.LegacyFreeBusyStatus;
import microsoft.exchange.webservices.data.core.enumeration.service.ServiceResult;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.response.AttendeeAvailability;
import microsoft.exchange.webservices.data.misc.availability.AttendeeInfo;
import microsoft.exchange.webservices.data.misc.availability.AvailabilityOptions;
import microsoft.exchange.webservices.data.misc.availability.GetUserAvailabilityResults;
import microsoft.exchange.webservices.data.misc.availability.TimeWindow;
import microsoft.exchange.webservices.data.property.complex.availability.CalendarEvent;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GetUserAvailability through ews-java-api 2.0, as the product calls it: with impersonation and as a delegate. */
class AvailabilityEwsJavaApiTest {
    private static ExchangeSimulator sim;
    private static Date weekStart;
    private static Date weekEnd;

    @BeforeAll
    static void start() {
        sim = demo();
        LocalDate monday = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        weekStart = Date.from(monday.atStartOfDay(ZoneOffset.UTC).toInstant());
        weekEnd = Date.from(monday.plusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @AfterAll
    static void stop() {
        sim.assertAllResponsesValid();
        sim.close();
    }

    private static List<AttendeeInfo> attendees(String... addresses) {
        List<AttendeeInfo> list = new ArrayList<>();
        for (String a : addresses) {
            list.add(new AttendeeInfo(a));
        }
        return list;
    }

    private static GetUserAvailabilityResults freeBusy(ExchangeService service, FreeBusyViewType view, String... addresses) throws Exception {
        AvailabilityOptions options = new AvailabilityOptions();
        options.setRequestedFreeBusyView(view);
        return service.getUserAvailability(attendees(addresses), new TimeWindow(weekStart, weekEnd), AvailabilityData.FreeBusy, options);
    }

    @Test
    void impersonatedUserSeesOwnBusyTimesWithWorkingHours() throws Exception {
        try (ExchangeService service = impersonating(sim, ANNA)) {
            GetUserAvailabilityResults results = freeBusy(service, FreeBusyViewType.FreeBusy, ANNA);
            AttendeeAvailability a = results.getAttendeesAvailability().getResponseAtIndex(0);
            assertEquals(ServiceResult.Success, a.getResult());
            assertEquals(FreeBusyViewType.FreeBusy, a.getViewType());
            assertFalse(a.getCalendarEvents().isEmpty());
            assertTrue(a.getCalendarEvents().stream().allMatch(e -> e.getDetails() == null), "FreeBusy view has no details");
            assertTrue(a.getCalendarEvents().stream().anyMatch(e -> e.getFreeBusyStatus() == LegacyFreeBusyStatus.Tentative));
            assertTrue(a.getCalendarEvents().stream().anyMatch(e -> e.getFreeBusyStatus() == LegacyFreeBusyStatus.OOF));
            assertTrue(a.getCalendarEvents().stream().noneMatch(e -> e.getFreeBusyStatus() == LegacyFreeBusyStatus.Free),
                    "free appointments (lunch) are not listed");
            assertNotNull(a.getWorkingHours());
            assertEquals(8 * 60, a.getWorkingHours().getStartTime());
            assertEquals(17 * 60, a.getWorkingHours().getEndTime());
            assertEquals(5, a.getWorkingHours().getDaysOfTheWeek().size());
        }
        RequestLogEntry e = sim.requestLog().entries(x -> ANNA.equals(x.impersonated())).get(0);
        assertEquals(SERVICE, e.authenticatedAs());
        assertEquals("FreeBusy", e.requestedView());
    }

    @Test
    void timesComeBackInTheRequestedUtcZone() throws Exception {
        try (ExchangeService service = impersonating(sim, YUKI)) {
            AttendeeAvailability a = freeBusy(service, FreeBusyViewType.FreeBusy, YUKI).getAttendeesAvailability().getResponseAtIndex(0);
            // The stand-up is at 09:30 Tokyo (UTC+9) = 00:30 UTC; ews-java-api parses the unzoned times as UTC.
            assertTrue(a.getCalendarEvents().stream().map(CalendarEvent::getStartTime)
                    .map(d -> d.toInstant().atOffset(ZoneOffset.UTC).toLocalTime())
                    .anyMatch(t -> t.getHour() == 0 && t.getMinute() == 30), "stand-up at 00:30 UTC");
        }
    }

    @Test
    void detailedIsDowngradedToFreeBusyWithoutSubjectRights() throws Exception {
        try (ExchangeService service = service(sim, SERVICE, SERVICE_PASSWORD)) {
            AttendeeAvailability anna = freeBusy(service, FreeBusyViewType.Detailed, ANNA).getAttendeesAvailability().getResponseAtIndex(0);
            assertEquals(FreeBusyViewType.FreeBusy, anna.getViewType());
            assertTrue(anna.getCalendarEvents().stream().allMatch(e -> e.getDetails() == null));

            AttendeeAvailability mia = freeBusy(service, FreeBusyViewType.Detailed, MIA).getAttendeesAvailability().getResponseAtIndex(0);
            assertEquals(FreeBusyViewType.Detailed, mia.getViewType());
            assertTrue(mia.getCalendarEvents().stream().anyMatch(e -> e.getDetails() != null && "Team meeting".equals(e.getDetails().getSubject())));
            CalendarEvent privateOne = mia.getCalendarEvents().stream()
                    .filter(e -> e.getDetails() != null && e.getDetails().isPrivate()).findFirst().orElseThrow();
            assertNull(privateOne.getDetails().getSubject(), "private items never show their subject");
        }
    }

    @Test
    void mergedViewHasOneDigitPerSlot() throws Exception {
        try (ExchangeService service = impersonating(sim, ANNA)) {
            AttendeeAvailability a = freeBusy(service, FreeBusyViewType.FreeBusyMerged, ANNA).getAttendeesAvailability().getResponseAtIndex(0);
            assertEquals(FreeBusyViewType.FreeBusyMerged, a.getViewType());
            assertEquals(7 * 48, a.getMergedFreeBusyStatus().size());
            assertTrue(a.getMergedFreeBusyStatus().stream().anyMatch(s -> s == LegacyFreeBusyStatus.Busy));
        }
    }

    @Test
    void unknownMailboxFailsAloneBesideTheOthers() throws Exception {
        try (ExchangeService service = service(sim, SERVICE, SERVICE_PASSWORD)) {
            GetUserAvailabilityResults r = freeBusy(service, FreeBusyViewType.FreeBusy, ANNA, "ghost@contoso.test", OLIVER, DAVID);
            assertEquals(ServiceResult.Success, r.getAttendeesAvailability().getResponseAtIndex(0).getResult());
            AttendeeAvailability ghost = r.getAttendeesAvailability().getResponseAtIndex(1);
            assertEquals(ServiceResult.Error, ghost.getResult());
            assertEquals(ServiceError.ErrorMailRecipientNotFound, ghost.getErrorCode());
            AttendeeAvailability oliver = r.getAttendeesAvailability().getResponseAtIndex(2);
            assertEquals(ServiceError.ErrorNoFreeBusyAccess, oliver.getErrorCode(), "Default None: not even free/busy");
            assertEquals(ServiceResult.Success, r.getAttendeesAvailability().getResponseAtIndex(3).getResult(),
                    "Default free/busy lets anyone in the organisation read free/busy");
        }
    }

    @Test
    void impersonationWithoutTheRightIsDenied() throws Exception {
        for (String user : List.of(MICHAEL, SARAH, DAVID, OLIVER)) {
            try (ExchangeService service = impersonating(sim, user)) {
                ServiceResponseException e = ewsError(
                        () -> freeBusy(service, FreeBusyViewType.FreeBusy, user));
                assertEquals(ServiceError.ErrorImpersonateUserDenied, e.getErrorCode(), user);
            }
        }
    }

    @Test
    void impersonatingAnUnknownMailboxIsErrorNonExistentMailbox() throws Exception {
        try (ExchangeService service = impersonating(sim, "ghost@contoso.test")) {
            ServiceResponseException e = ewsError(
                    () -> freeBusy(service, FreeBusyViewType.FreeBusy, ANNA));
            assertEquals(ServiceError.ErrorNonExistentMailbox, e.getErrorCode());
        }
    }

    @Test
    void moreThan100MailboxesIsRefused() throws Exception {
        String[] many = new String[101];
        for (int i = 0; i < many.length; i++) {
            many[i] = "user" + i + "@contoso.test";
        }
        try (ExchangeService service = service(sim, SERVICE, SERVICE_PASSWORD)) {
            ServiceResponseException e = ewsError(
                    () -> freeBusy(service, FreeBusyViewType.FreeBusy, many));
            assertEquals(ServiceError.ErrorMailboxDataArrayTooBig, e.getErrorCode());
            String[] hundred = java.util.Arrays.copyOf(many, 100);
            assertEquals(100, freeBusy(service, FreeBusyViewType.FreeBusy, hundred).getAttendeesAvailability().getCount());
        }
    }

    @Test
    void tooManyAppointmentsFailForThatMailboxOnly() throws Exception {
        org.corpconnect.sim.calendar.CalendarFolder calendar = sim.directory().get("noah.wolf@contoso.test").calendar();
        java.time.Instant start = weekStart.toInstant();
        for (int i = 0; i < 10_001; i++) {
            java.time.Instant s = start.plusSeconds(i * 60L);
            calendar.add(new org.corpconnect.sim.calendar.CalendarItem("flood-" + i).subject("Flood").start(s).end(s.plusSeconds(30)));
        }
        try (ExchangeService service = service(sim, SERVICE, SERVICE_PASSWORD)) {
            GetUserAvailabilityResults r = freeBusy(service, FreeBusyViewType.FreeBusy, "noah.wolf@contoso.test", ANNA);
            assertEquals(ServiceError.ErrorResultSetTooBig, r.getAttendeesAvailability().getResponseAtIndex(0).getErrorCode());
            assertEquals(ServiceResult.Success, r.getAttendeesAvailability().getResponseAtIndex(1).getResult());
        } finally {
            for (int i = 0; i < 10_001; i++) {
                calendar.delete("flood-" + i);
            }
        }
    }

    @Test
    void windowsOver42DaysAreRefused() throws Exception {
        try (ExchangeService service = service(sim, SERVICE, SERVICE_PASSWORD)) {
            Date end43 = Date.from(weekStart.toInstant().plus(43, ChronoUnit.DAYS));
            ServiceResponseException e = ewsError(() -> service.getUserAvailability(
                    attendees(ANNA), new TimeWindow(weekStart, end43), AvailabilityData.FreeBusy));
            assertEquals(ServiceError.ErrorTimeIntervalTooBig, e.getErrorCode());
            Date end42 = Date.from(weekStart.toInstant().plus(42, ChronoUnit.DAYS));
            assertEquals(1, service.getUserAvailability(attendees(ANNA), new TimeWindow(weekStart, end42),
                    AvailabilityData.FreeBusy).getAttendeesAvailability().getCount());
        }
    }

    @Test
    void meetingSuggestionsAvoidBusyAttendees() throws Exception {
        try (ExchangeService service = impersonating(sim, ANNA)) {
            AvailabilityOptions options = new AvailabilityOptions();
            options.setMeetingDuration(60);
            options.setMaximumSuggestionsPerDay(3);
            options.setDetailedSuggestionsWindow(new TimeWindow(weekStart, weekEnd));
            GetUserAvailabilityResults r = service.getUserAvailability(attendees(ANNA, MIA), new TimeWindow(weekStart, weekEnd),
                    AvailabilityData.FreeBusyAndSuggestions, options);
            assertEquals(2, r.getAttendeesAvailability().getCount());
            var days = new ArrayList<>(r.getSuggestions());
            assertEquals(7, days.size());
            var monday = days.get(0).getTimeSuggestions();
            assertFalse(monday.isEmpty());
            for (var suggestion : monday) {
                assertTrue(suggestion.isWorkTime());
                assertEquals(2, suggestion.getConflicts().size());
            }
            assertTrue(days.get(5).getTimeSuggestions().isEmpty(), "no work-time suggestions on Saturday");
        }
    }

    @Test
    void recurringStandUpShowsEveryWorkingDay() throws Exception {
        try (ExchangeService service = impersonating(sim, ANNA)) {
            java.util.Collection<CalendarEvent> events = freeBusy(service, FreeBusyViewType.FreeBusy, ANNA)
                    .getAttendeesAvailability().getResponseAtIndex(0).getCalendarEvents();
            long standUps = events.stream().filter(e -> {
                Instant s = e.getStartTime().toInstant();
                return java.time.Duration.between(s, e.getEndTime().toInstant()).toMinutes() == 15;
            }).count();
            assertEquals(5, standUps);
        }
    }
}
