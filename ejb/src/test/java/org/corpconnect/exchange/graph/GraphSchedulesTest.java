package org.corpconnect.exchange.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.calendar.WorkingWeek;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.MailboxBusyTime;
import org.corpconnect.exchange.MailboxProblem;
import org.junit.jupiter.api.Test;

/** getSchedule's documented answer (the example of calendar-getschedule.md, trimmed) read as the gateway reads it. */
class GraphSchedulesTest {

    private static final MailboxAddress ADELE = new MailboxAddress("adelev@contoso.com");
    private static final MailboxAddress MEGAN = new MailboxAddress("meganb@contoso.com");
    private static final MailboxAddress GONE = new MailboxAddress("gone@contoso.com");

    private static final String ANSWER = """
            {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)",
             "value":[
              {"scheduleId":"AdeleV@contoso.com","availabilityView":"000220000",
               "scheduleItems":[
                {"isPrivate":false,"status":"busy","subject":"Let's go for lunch","location":"Harry's Bar",
                 "start":{"dateTime":"2019-03-15T12:00:00.0000000","timeZone":"UTC"},
                 "end":{"dateTime":"2019-03-15T14:00:00.0000000","timeZone":"UTC"}},
                {"isPrivate":false,"status":"free","subject":"Hold","location":"",
                 "start":{"dateTime":"2019-03-15T15:00:00.0000000","timeZone":"UTC"},
                 "end":{"dateTime":"2019-03-15T15:30:00.0000000","timeZone":"UTC"}},
                {"status":"oof","start":{"dateTime":"2019-03-16T00:00:00.0000000","timeZone":"UTC"},
                 "end":{"dateTime":"2019-03-17T00:00:00.0000000","timeZone":"UTC"}}],
               "workingHours":{"daysOfWeek":["monday","tuesday","wednesday","thursday","friday"],
                 "startTime":"08:00:00.0000000","endTime":"17:00:00.0000000",
                 "timeZone":{"name":"Pacific Standard Time"}}},
              {"scheduleId":"gone@contoso.com","availabilityView":"",
               "error":{"message":"The recipient doesn't exist.","responseCode":"ErrorMailRecipientNotFound"}}]}
            """;

    private final Jsonb json = JsonbBuilder.create();

    /** Wide enough for every item of the answer. */
    private static final TimeWindow WHOLE = new TimeWindow(Instant.parse("2019-03-15T00:00:00Z"), Instant.parse("2019-03-18T00:00:00Z"));

    @Test
    void busyIntervalsCarryOnlyStatusStartAndEndAndLeaveFreeTimeOut() {
        Map<MailboxAddress, MailboxBusyTime> busy = GraphSchedules.collect(List.of(ADELE, GONE),
                json.fromJson(ANSWER, GraphSchedules.Answer.class), WHOLE, AccessMode.DELEGATION);

        MailboxBusyTime.Known adele = assertInstanceOf(MailboxBusyTime.Known.class, busy.get(ADELE));
        assertEquals(List.of(
                new BusyInterval(Instant.parse("2019-03-15T12:00:00Z"), Instant.parse("2019-03-15T14:00:00Z"), BusyType.BUSY),
                new BusyInterval(Instant.parse("2019-03-16T00:00:00Z"), Instant.parse("2019-03-17T00:00:00Z"), BusyType.OOF)),
                adele.intervals());
        assertEquals(new WorkingWeek(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(17, 0)), adele.workingWeek().orElseThrow());
    }

    @Test
    void itemsReachingOutOfTheWindowAreClippedToItAsEwsBusyTimeIs() {
        TimeWindow window = new TimeWindow(Instant.parse("2019-03-15T13:00:00Z"), Instant.parse("2019-03-16T06:00:00Z"));
        Map<MailboxAddress, MailboxBusyTime> busy = GraphSchedules.collect(List.of(ADELE),
                json.fromJson(ANSWER, GraphSchedules.Answer.class), window, AccessMode.DELEGATION);

        assertEquals(List.of(
                new BusyInterval(Instant.parse("2019-03-15T13:00:00Z"), Instant.parse("2019-03-15T14:00:00Z"), BusyType.BUSY),
                new BusyInterval(Instant.parse("2019-03-16T00:00:00Z"), Instant.parse("2019-03-16T06:00:00Z"), BusyType.OOF)),
                ((MailboxBusyTime.Known) busy.get(ADELE)).intervals());
    }

    @Test
    void aScheduleErrorMakesThatMailboxUnavailableAndAMissingOneIsNotFree() {
        Map<MailboxAddress, MailboxBusyTime> busy = GraphSchedules.collect(List.of(ADELE, GONE, MEGAN),
                json.fromJson(ANSWER, GraphSchedules.Answer.class), WHOLE, AccessMode.DELEGATION);

        MailboxBusyTime.Unavailable gone = assertInstanceOf(MailboxBusyTime.Unavailable.class, busy.get(GONE));
        assertEquals(MailboxProblem.MAILBOX_NOT_FOUND, gone.problem());
        assertTrue(gone.detail().contains("ErrorMailRecipientNotFound"));
        assertInstanceOf(MailboxBusyTime.Unavailable.class, busy.get(MEGAN));
    }

    @Test
    void theRequestAsksForUtcWallTimesAndNamesEachSchedule() {
        String body = json.toJson(GraphSchedules.request(List.of(ADELE, MEGAN),
                new TimeWindow(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-08T00:00:00Z"))));

        assertTrue(body.contains("\"schedules\":[\"adelev@contoso.com\",\"meganb@contoso.com\"]"), body);
        assertTrue(body.contains("\"startTime\":{\"dateTime\":\"2026-12-01T00:00:00\",\"timeZone\":\"UTC\"}"), body);
        assertTrue(body.contains("\"endTime\":{\"dateTime\":\"2026-12-08T00:00:00\",\"timeZone\":\"UTC\"}"), body);
        assertFalse(body.contains("subject"), body);
    }
}
