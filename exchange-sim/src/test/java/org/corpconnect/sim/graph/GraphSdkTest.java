package org.corpconnect.sim.graph;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.models.Attendee;
import com.microsoft.graph.models.AttendeeType;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventCollectionResponse;
import com.microsoft.graph.models.ExchangeIdFormat;
import com.microsoft.graph.models.FreeBusyStatus;
import com.microsoft.graph.models.ScheduleInformation;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.calendar.getschedule.GetSchedulePostRequestBody;
import com.microsoft.graph.users.item.events.item.cancel.CancelPostRequestBody;
import com.microsoft.graph.users.item.translateexchangeids.TranslateExchangeIdsPostRequestBody;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.availability.AvailabilityData;
import microsoft.exchange.webservices.data.core.enumeration.property.LegacyFreeBusyStatus;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.misc.availability.AttendeeInfo;
import microsoft.exchange.webservices.data.misc.availability.TimeWindow;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.availability.CalendarEvent;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.calendar.CalendarItem;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.faults.FaultRule;
import org.corpconnect.sim.junit.ExchangeSimulatorExtension;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Microsoft's Graph SDK for Java against the simulator's Graph side, app-only (client credentials of the
 * demo app, scoped to the 20 impersonable users). The extension fails a test after which any Graph (or
 * EWS) body failed the schema check; {@link #everyBodyWasSchemaValid()} says so once more for the class.
 */
class GraphSdkTest {
    private static final String BOOKING_PROPERTY = "String {66f5a359-4659-4830-9070-00047ec6ac6e} Name BookingId";
    private static final List<String> IN_SCOPE = List.of(
            "anna.schmidt", "lukas.weber", "sophie.mueller", "jonas.fischer", "lea.wagner", "felix.becker", "marie.hoffmann",
            "paul.schulz", "emma.koch", "leon.richter", "mia.klein", "noah.wolf", "hannah.neumann", "elias.schwarz",
            "clara.zimmermann", "laura.krueger", "james.miller", "olivia.johnson", "yuki.tanaka", "priya.sharma");

    @RegisterExtension
    static ExchangeSimulatorExtension exchange = ExchangeSimulatorExtension.withDataset(Dataset.demo())
            .configure(b -> b.schemaDir(schemaDir()));
    private static GraphServiceClient graph;
    private static ExchangeSimulator sim;

    @BeforeAll
    static void client() throws Exception {
        sim = exchange.simulator();
        graph = GraphSdk.appOnly(sim);
    }

    @BeforeEach
    void clean() {
        sim.faults().clear();
        sim.graph().throttle().reset();
    }

    @AfterAll
    static void everyBodyWasSchemaValid() {
        assertTrue(sim == null || sim.responseValidationFailures().isEmpty(), () -> String.join("\n", sim.responseValidationFailures()));
    }

    private static String address(String localPart) {
        return localPart + "@contoso.test";
    }

    /** A slot well after the demo data's weeks, so tests' own events stand alone. */
    private static Instant slot(int dayOffset, int hourUtc) {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(70 + dayOffset, ChronoUnit.DAYS).plus(hourUtc, ChronoUnit.HOURS);
    }

    private static DateTimeTimeZone utc(Instant i) {
        DateTimeTimeZone d = new DateTimeTimeZone();
        d.setDateTime(LocalDateTime.ofInstant(i, ZoneOffset.UTC).toString());
        d.setTimeZone("UTC");
        return d;
    }

    private static Event event(String subject, Instant start, Instant end) {
        Event e = new Event();
        e.setSubject(subject);
        e.setStart(utc(start));
        e.setEnd(utc(end));
        e.setShowAs(FreeBusyStatus.Busy);
        return e;
    }

    private static ODataError graphError(Runnable call) {
        return assertThrows(ODataError.class, call::run);
    }

    @Test
    void getScheduleForTwentyUsersAnswersEachWithItsBusyTimeAndWorkingHours() {
        GetSchedulePostRequestBody body = new GetSchedulePostRequestBody();
        body.setSchedules(IN_SCOPE.stream().map(GraphSdkTest::address).toList());
        Instant monday = Instant.now().truncatedTo(ChronoUnit.DAYS);
        body.setStartTime(utc(monday));
        body.setEndTime(utc(monday.plus(7, ChronoUnit.DAYS)));
        body.setAvailabilityViewInterval(60);
        List<ScheduleInformation> schedules = graph.users().byUserId(ANNA).calendar().getSchedule().post(body).getValue();

        assertEquals(20, schedules.size());
        for (ScheduleInformation s : schedules) {
            assertNull(s.getError(), s.getScheduleId());
            assertEquals(7 * 24, s.getAvailabilityView().length(), "one digit per hour");
            assertTrue(s.getAvailabilityView().matches("[0-4]+"));
            assertFalse(s.getScheduleItems().isEmpty(), "the demo calendars hold busy time every week: " + s.getScheduleId());
            assertTrue(s.getScheduleItems().stream().noneMatch(i -> i.getStatus() == FreeBusyStatus.Free), "free lunch is not listed");
            assertNotNull(s.getWorkingHours().getStartTime());
            assertFalse(s.getWorkingHours().getDaysOfWeek().isEmpty());
        }

        // One more than Graph's 20 is refused as a whole.
        List<String> twentyOne = new ArrayList<>(body.getSchedules());
        twentyOne.add(DAVID);
        body.setSchedules(twentyOne);
        ODataError tooMany = graphError(() -> graph.users().byUserId(ANNA).calendar().getSchedule().post(body));
        assertEquals(400, tooMany.getResponseStatusCode());
        assertEquals("ErrorMailboxDataArrayTooBig", tooMany.getError().getCode());
    }

    @Test
    void getScheduleAnswersAnOutOfScopeScheduleWithItsOwnError() {
        GetSchedulePostRequestBody body = new GetSchedulePostRequestBody();
        body.setSchedules(List.of(ANNA, DAVID, "nobody@contoso.test"));
        body.setStartTime(utc(slot(0, 0)));
        body.setEndTime(utc(slot(1, 0)));
        List<ScheduleInformation> s = graph.users().byUserId(ANNA).calendar().getSchedule().post(body).getValue();
        assertNull(s.get(0).getError());
        assertEquals("ErrorAccessDenied", s.get(1).getError().getResponseCode());
        assertEquals("5009", s.get(2).getError().getResponseCode(), "an address that resolves to nobody");

        body.setEndTime(utc(slot(62, 0)));
        assertEquals(400, graphError(() -> graph.users().byUserId(ANNA).calendar().getSchedule().post(body)).getResponseStatusCode(),
                "the window must be under 62 days");
    }

    @Test
    void createRetriedWithTheSameTransactionIdMakesOneEvent() {
        String tx = UUID.randomUUID().toString();
        Event e = event("Desk booking", slot(1, 9), slot(1, 10));
        e.setTransactionId(tx);
        Event first = graph.users().byUserId(LUKAS).events().post(e);
        Event again = event("Desk booking", slot(1, 9), slot(1, 10)); // the retry sends the same body again
        again.setTransactionId(tx);
        Event retried = graph.users().byUserId(LUKAS).events().post(again);

        assertEquals(first.getId(), retried.getId());
        assertEquals(tx, retried.getTransactionId());
        List<CalendarItem> stored = sim.directory().get(LUKAS).calendar().items().stream()
                .filter(i -> tx.equals(i.transactionId())).toList();
        assertEquals(1, stored.size(), "one event, however often the create is retried");
        assertEquals(2, sim.requestLog().entries(l -> "createEvent".equals(l.operation()) && l.httpStatus() == 201
                && l.targetMailboxes().contains(LUKAS)).size());
    }

    @Test
    void findsAnEventByItsExtendedPropertyThenMovesAndReadsIt() {
        String booking = "booking-" + UUID.randomUUID();
        Event e = event("Room booking", slot(2, 9), slot(2, 10));
        SingleValueLegacyExtendedProperty p = new SingleValueLegacyExtendedProperty();
        p.setId(BOOKING_PROPERTY);
        p.setValue(booking);
        e.setSingleValueExtendedProperties(List.of(p));
        Event created = graph.users().byUserId(SOPHIE).events().post(e);
        graph.users().byUserId(SOPHIE).events().post(event("Other", slot(2, 11), slot(2, 12)));

        EventCollectionResponse found = graph.users().byUserId(SOPHIE).events().get(rc -> {
            rc.queryParameters.filter = "singleValueExtendedProperties/Any(ep: ep/id eq '" + BOOKING_PROPERTY
                    + "' and ep/value eq '" + booking + "')";
            rc.queryParameters.expand = new String[] {"singleValueExtendedProperties($filter=id eq '" + BOOKING_PROPERTY + "')"};
        });
        assertEquals(1, found.getValue().size());
        assertEquals(created.getId(), found.getValue().get(0).getId());
        assertEquals(booking, found.getValue().get(0).getSingleValueExtendedProperties().get(0).getValue());

        Event move = new Event();
        move.setStart(utc(slot(3, 14)));
        move.setEnd(utc(slot(3, 15)));
        graph.users().byUserId(SOPHIE).events().byEventId(created.getId()).patch(move);
        Event moved = graph.users().byUserId(SOPHIE).events().byEventId(created.getId()).get(rc ->
                rc.headers.add("Prefer", "outlook.timezone=\"W. Europe Standard Time\""));
        assertEquals("W. Europe Standard Time", moved.getStart().getTimeZone());
        assertEquals(LocalDateTime.ofInstant(slot(3, 14), java.time.ZoneId.of("Europe/Berlin")),
                LocalDateTime.parse(moved.getStart().getDateTime()));
        CalendarItem stored = sim.directory().get(SOPHIE).calendar().items().stream()
                .filter(i -> "Room booking".equals(i.subject())).findFirst().orElseThrow();
        assertEquals(slot(3, 14), stored.start(), "the move reached the calendar EWS reads");
    }

    @Test
    void organizerCancelsAMeetingAndTheAttendeeIsNotified() {
        Event meeting = event("Planning", slot(4, 9), slot(4, 10));
        Attendee a = new Attendee();
        EmailAddress lukas = new EmailAddress();
        lukas.setAddress(JONAS);
        a.setEmailAddress(lukas);
        a.setType(AttendeeType.Required);
        meeting.setAttendees(List.of(a));
        Event created = graph.users().byUserId(LEA).events().post(meeting);
        assertTrue(sim.directory().get(JONAS).calendar().items().stream().anyMatch(i -> "Planning".equals(i.subject())),
                "the attendee got the invitation");

        CancelPostRequestBody cancel = new CancelPostRequestBody();
        cancel.setComment("Room unavailable");
        graph.users().byUserId(LEA).events().byEventId(created.getId()).cancel().post(cancel);

        assertEquals("ErrorItemNotFound", graphError(() -> graph.users().byUserId(LEA).events().byEventId(created.getId()).get())
                .getError().getCode());
        assertTrue(sim.directory().get(JONAS).calendar().items().stream()
                .filter(i -> "Planning".equals(i.subject())).allMatch(CalendarItem::cancelled));
        assertTrue(sim.directory().get(JONAS).inbox().messages().stream().anyMatch(m -> m.subject().equals("Canceled: Planning")));

        // Only the organizer cancels: the attendee's copy cannot be cancelled by the attendee.
        String copy = graph.users().byUserId(JONAS).events().get(rc -> rc.queryParameters.top = 1000).getValue().stream()
                .filter(ev -> "Planning".equals(ev.getSubject())).findFirst().orElseThrow().getId();
        ODataError notOrganizer = graphError(() -> graph.users().byUserId(JONAS).events().byEventId(copy).cancel().post(cancel));
        assertEquals(400, notOrganizer.getResponseStatusCode());
        assertEquals("ErrorCalendarIsNotOrganizer", notOrganizer.getError().getCode());
    }

    @Test
    void batchMeetsTheMailboxConcurrencyLimitAndTheSdkRetriesWhatWasThrottled() throws Exception {
        Event created = graph.users().byUserId(FELIX).events().post(event("Batch target", slot(5, 9), slot(5, 10)));
        // Each read holds its connection three seconds (long enough on a loaded machine for all five to start):
        // five in parallel on one mailbox, one over the limit of four.
        sim.faults().add(FaultRule.of(FaultRule.Kind.LATENCY).forOperation("getEvent").forMailbox(FELIX).millis(3000).times(5));
        BatchRequestContent batch = new BatchRequestContent(graph);
        for (int i = 0; i < 5; i++) {
            batch.addBatchRequestStep(graph.users().byUserId(FELIX).events().byEventId(created.getId()).toGetRequestInformation());
        }
        BatchResponseContent first = graph.getBatchRequestBuilder().post(batch, null);
        Map<String, Integer> codes = first.getResponsesStatusCode();
        assertEquals(4, codes.values().stream().filter(c -> c == 200).count(), codes.toString());
        assertEquals(1, codes.values().stream().filter(c -> c == 429).count(), codes.toString());
        String throttled = codes.entrySet().stream().filter(c -> c.getValue() == 429).findFirst().orElseThrow().getKey();
        assertNotNull(first.getResponseById(throttled).header("Retry-After"));

        // The SDK's own retry of a batch: a new batch from the failed requests; the whole $batch POST is throttled
        // once more (429, Retry-After 1 s) and the SDK's retry handler sends it again.
        sim.faults().add(FaultRule.of(FaultRule.Kind.SERVER_BUSY).forOperation("batch").millis(1000).times(1));
        sim.requestLog().clear();
        BatchRequestContent retry = batch.createNewBatchFromFailedRequests(codes);
        assertEquals(1, retry.getBatchRequestSteps().size());
        BatchResponseContent second = graph.getBatchRequestBuilder().post(retry, null);
        assertEquals(List.of(200), List.copyOf(second.getResponsesStatusCode().values()));
        List<Integer> batchStatuses = sim.requestLog().entries(l -> "batch".equals(l.operation())).stream()
                .map(RequestLogEntry::httpStatus).toList();
        assertEquals(List.of(429, 200), batchStatuses, "throttled once, then retried by the SDK's retry handler");
    }

    @Test
    void theSameUserThroughEwsAndGraphSeesOneCalendar() throws Exception {
        // Made through EWS: busy in Graph's getSchedule and calendarView, under a Graph id of its own. At 01:00 UTC,
        // where none of Marie's demo series (Berlin office hours) can meet it.
        Instant start = slot(6, 1);
        Instant end = slot(6, 2);
        String ewsId;
        try (ExchangeService ews = impersonating(sim, MARIE)) {
            Appointment a = new Appointment(ews);
            a.setSubject("Made in EWS");
            a.setStart(Date.from(start));
            a.setEnd(Date.from(end));
            a.setLegacyFreeBusyStatus(LegacyFreeBusyStatus.Busy);
            a.save(new FolderId(WellKnownFolderName.Calendar), SendInvitationsMode.SendToNone);
            ewsId = a.getId().getUniqueId();
        }
        GetSchedulePostRequestBody body = new GetSchedulePostRequestBody();
        body.setSchedules(List.of(MARIE));
        body.setStartTime(utc(start.minus(1, ChronoUnit.HOURS)));
        body.setEndTime(utc(end.plus(1, ChronoUnit.HOURS)));
        body.setAvailabilityViewInterval(60);
        ScheduleInformation s = graph.users().byUserId(MARIE).calendar().getSchedule().post(body).getValue().get(0);
        assertEquals('2', s.getAvailabilityView().charAt(1), "the hour of the EWS appointment is busy");
        assertTrue(s.getScheduleItems().stream().anyMatch(i -> i.getStatus() == FreeBusyStatus.Busy
                && LocalDateTime.parse(i.getStart().getDateTime()).equals(LocalDateTime.ofInstant(start, ZoneOffset.UTC))));

        List<Event> view = graph.users().byUserId(MARIE).calendarView().get(rc -> {
            rc.queryParameters.startDateTime = start.toString();
            rc.queryParameters.endDateTime = end.toString();
            rc.queryParameters.select = new String[] {"subject", "start", "end", "showAs"};
        }).getValue().stream().filter(e -> "Made in EWS".equals(e.getSubject())).toList();
        assertEquals(1, view.size());
        assertEquals(FreeBusyStatus.Busy, view.get(0).getShowAs());
        String graphId = view.get(0).getId();
        assertNotEquals(ewsId, graphId, "EWS and Graph ids of one item differ, as in Exchange Online");
        TranslateExchangeIdsPostRequestBody translate = new TranslateExchangeIdsPostRequestBody();
        translate.setInputIds(List.of(ewsId));
        translate.setSourceIdType(ExchangeIdFormat.EwsId);
        translate.setTargetIdType(ExchangeIdFormat.RestId);
        assertEquals(graphId, graph.users().byUserId(MARIE).translateExchangeIds().post(translate).getValue().get(0).getTargetId());
        List<RequestLogEntry> views = sim.requestLog().entries(l -> "calendarView".equals(l.operation()));
        RequestLogEntry logged = views.get(views.size() - 1);
        assertEquals(List.of("subject", "start", "end", "showAs"), logged.requestedProperties());
        assertEquals("app-only", logged.accessMode());
        assertEquals(GraphSdk.CLIENT_ID, logged.application());
        assertTrue(logged.returnedProperties().containsAll(List.of("id", "subject", "start", "end", "showAs")));
        assertFalse(logged.returnedProperties().contains("body"), "$select limits what is returned");

        // Made through Graph: busy in EWS's GetUserAvailability.
        Instant gStart = slot(7, 13);
        graph.users().byUserId(MARIE).events().post(event("Made in Graph", gStart, gStart.plus(1, ChronoUnit.HOURS)));
        try (ExchangeService ews = impersonating(sim, MARIE)) {
            List<AttendeeInfo> who = List.of(new AttendeeInfo(MARIE));
            java.util.Collection<CalendarEvent> events = ews.getUserAvailability(who, new TimeWindow(Date.from(gStart.truncatedTo(ChronoUnit.DAYS)),
                    Date.from(gStart.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS))), AvailabilityData.FreeBusy)
                    .getAttendeesAvailability().getResponseAtIndex(0).getCalendarEvents();
            assertTrue(events.stream().anyMatch(ev -> ev.getStartTime().toInstant().equals(gStart)
                    && ev.getFreeBusyStatus() == LegacyFreeBusyStatus.Busy), "EWS sees the Graph event as busy");
        }
    }

    @Test
    void calendarViewPagesByNextLinkAndDeltaReportsChangesAndRemovals() {
        String user = address("paul.schulz");
        for (int i = 0; i < 3; i++) {
            graph.users().byUserId(user).events().post(event("Paged " + i, slot(8, 8 + i), slot(8, 9 + i)));
        }
        Instant from = slot(8, 0);
        Instant to = slot(9, 0);
        int expected = sim.directory().get(user).calendar().occurrences(from, to).size(); // series occurrences too
        EventCollectionResponse page = graph.users().byUserId(user).calendarView().get(rc -> {
            rc.queryParameters.startDateTime = from.toString();
            rc.queryParameters.endDateTime = to.toString();
            rc.queryParameters.top = 2;
        });
        List<Event> all = new ArrayList<>(page.getValue());
        while (page.getOdataNextLink() != null) {
            assertEquals(2, page.getValue().size());
            page = graph.users().byUserId(user).calendarView().withUrl(page.getOdataNextLink()).get();
            all.addAll(page.getValue());
        }
        assertEquals(expected, all.size());
        assertEquals(expected, all.stream().map(Event::getId).distinct().count(), "no event twice across pages");

        var round = graph.users().byUserId(user).calendarView().delta().get(rc -> {
            rc.queryParameters.startDateTime = from.toString();
            rc.queryParameters.endDateTime = to.toString();
        });
        List<Event> first = new ArrayList<>(round.getValue());
        while (round.getOdataNextLink() != null) {
            round = graph.users().byUserId(user).calendarView().delta().withUrl(round.getOdataNextLink()).get();
            first.addAll(round.getValue());
        }
        assertEquals(expected, first.size());
        String deltaLink = round.getOdataDeltaLink();
        assertNotNull(deltaLink);
        String removed = first.stream().filter(e -> "Paged 0".equals(e.getSubject())).findFirst().orElseThrow().getId();
        String moved = first.stream().filter(e -> "Paged 1".equals(e.getSubject())).findFirst().orElseThrow().getId();
        graph.users().byUserId(user).events().byEventId(removed).delete();
        Event later = new Event();
        later.setSubject("Paged 1, moved");
        graph.users().byUserId(user).events().byEventId(moved).patch(later);

        var changes = graph.users().byUserId(user).calendarView().delta().withUrl(deltaLink).get();
        assertEquals(2, changes.getValue().size());
        Event gone = changes.getValue().stream().filter(e -> removed.equals(e.getId())).findFirst().orElseThrow();
        assertNotNull(gone.getAdditionalData().get("@removed"), "a deletion comes as @removed");
        assertEquals("Paged 1, moved", changes.getValue().stream().filter(e -> moved.equals(e.getId())).findFirst().orElseThrow()
                .getSubject());
        assertNotNull(changes.getOdataDeltaLink());
    }

    @Test
    void aWeeklySeriesMadeThroughGraphExpandsAndItsOccurrencesChangeOneByOne() {
        String user = address("hannah.neumann");
        Instant first = slot(14, 9);
        Event series = event("Weekly sync", first, first.plus(30, ChronoUnit.MINUTES));
        com.microsoft.graph.models.RecurrencePattern pattern = new com.microsoft.graph.models.RecurrencePattern();
        pattern.setType(com.microsoft.graph.models.RecurrencePatternType.Weekly);
        pattern.setInterval(1);
        pattern.setDaysOfWeek(List.of(com.microsoft.graph.models.DayOfWeek.forValue(
                first.atZone(ZoneOffset.UTC).getDayOfWeek().name().toLowerCase(java.util.Locale.ROOT))));
        com.microsoft.graph.models.RecurrenceRange range = new com.microsoft.graph.models.RecurrenceRange();
        range.setType(com.microsoft.graph.models.RecurrenceRangeType.Numbered);
        range.setStartDate(java.time.LocalDate.ofInstant(first, ZoneOffset.UTC));
        range.setNumberOfOccurrences(3);
        com.microsoft.graph.models.PatternedRecurrence recurrence = new com.microsoft.graph.models.PatternedRecurrence();
        recurrence.setPattern(pattern);
        recurrence.setRange(range);
        series.setRecurrence(recurrence);
        Event master = graph.users().byUserId(user).events().post(series);
        assertEquals(com.microsoft.graph.models.EventType.SeriesMaster, master.getType());
        assertEquals(3, master.getRecurrence().getRange().getNumberOfOccurrences());

        List<Event> occurrences = graph.users().byUserId(user).calendarView().get(rc -> {
            rc.queryParameters.startDateTime = first.minus(1, ChronoUnit.HOURS).toString();
            rc.queryParameters.endDateTime = first.plus(30, ChronoUnit.DAYS).toString();
            rc.queryParameters.top = 1000; // the demo's own series fill the default page of 10
        }).getValue().stream().filter(e -> master.getId().equals(e.getSeriesMasterId())).toList();
        assertEquals(3, occurrences.size());
        assertEquals(occurrences.stream().map(Event::getId).toList(), graph.users().byUserId(user).events()
                .byEventId(master.getId()).instances().get(rc -> {
                    rc.queryParameters.startDateTime = first.minus(1, ChronoUnit.HOURS).toString();
                    rc.queryParameters.endDateTime = first.plus(30, ChronoUnit.DAYS).toString();
                }).getValue().stream().map(Event::getId).toList(), "instances lists the same occurrences");
        Event later = new Event();
        later.setSubject("Weekly sync, moved");
        later.setStart(utc(first.plus(7, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS)));
        later.setEnd(utc(first.plus(7, ChronoUnit.DAYS).plus(150, ChronoUnit.MINUTES)));
        Event exception = graph.users().byUserId(user).events().byEventId(occurrences.get(1).getId()).patch(later);
        assertEquals(com.microsoft.graph.models.EventType.Exception, exception.getType());
        graph.users().byUserId(user).events().byEventId(occurrences.get(2).getId()).delete();
        List<Event> after = graph.users().byUserId(user).calendarView().get(rc -> {
            rc.queryParameters.startDateTime = first.minus(1, ChronoUnit.HOURS).toString();
            rc.queryParameters.endDateTime = first.plus(30, ChronoUnit.DAYS).toString();
            rc.queryParameters.top = 1000; // the demo's own series fill the default page of 10
        }).getValue().stream().filter(e -> master.getId().equals(e.getSeriesMasterId())).toList();
        assertEquals(List.of("Weekly sync", "Weekly sync, moved"), after.stream().map(Event::getSubject).toList());
    }

    @Test
    void immutableIdsWhenPreferredTranslateAndAddressTheSameEvent() {
        Event created = graph.users().byUserId(MARIE).events().post(event("Immutable", slot(15, 9), slot(15, 10)));
        Event immutable = graph.users().byUserId(MARIE).events().byEventId(created.getId())
                .get(rc -> rc.headers.add("Prefer", "IdType=\"ImmutableId\""));
        assertNotEquals(created.getId(), immutable.getId());
        assertEquals("Immutable", graph.users().byUserId(MARIE).events().byEventId(immutable.getId()).get().getSubject());
        TranslateExchangeIdsPostRequestBody translate = new TranslateExchangeIdsPostRequestBody();
        translate.setInputIds(List.of(immutable.getId()));
        translate.setSourceIdType(ExchangeIdFormat.RestImmutableEntryId);
        translate.setTargetIdType(ExchangeIdFormat.RestId);
        assertEquals(created.getId(), graph.users().byUserId(MARIE).translateExchangeIds().post(translate).getValue().get(0).getTargetId());
    }

    @Test
    void aMailboxOutsideTheAppsScopeAndAMissingTokenGetGraphsErrors() throws Exception {
        com.microsoft.graph.models.Calendar calendar = graph.users().byUserId(ANNA).calendar().get();
        assertTrue(calendar.getIsDefaultCalendar());
        assertTrue(calendar.getCanEdit());
        assertEquals(ANNA, calendar.getOwner().getAddress());
        assertEquals("ErrorAccessDenied", graphError(() -> graph.users().byUserId(DAVID).calendar().get()).getError().getCode(),
                "the probe a client makes before it uses a calendar");

        ODataError denied = graphError(() -> graph.users().byUserId(DAVID).events().get());
        assertEquals(403, denied.getResponseStatusCode());
        assertEquals("ErrorAccessDenied", denied.getError().getCode());
        assertNotNull(denied.getError().getInnerError().getRequestId());

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                sim.graphUrl().resolve("/v1.0/users/" + ANNA + "/events")).header("client-request-id", "c-1").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.body().contains("\"InvalidAuthenticationToken\""), anonymous.body());
        assertEquals("c-1", anonymous.headers().firstValue("client-request-id").orElseThrow());
        assertTrue(anonymous.headers().firstValue("request-id").isPresent());
    }

    private static final String LUKAS = "lukas.weber@contoso.test";
    private static final String SOPHIE = "sophie.mueller@contoso.test";
    private static final String JONAS = "jonas.fischer@contoso.test";
    private static final String LEA = "lea.wagner@contoso.test";
    private static final String FELIX = "felix.becker@contoso.test";
    private static final String MARIE = "marie.hoffmann@contoso.test";
}
