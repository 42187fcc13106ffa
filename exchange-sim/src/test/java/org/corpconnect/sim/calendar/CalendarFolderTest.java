package org.corpconnect.sim.calendar;

import static org.junit.jupiter.api.Assertions.*;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import org.corpconnect.sim.directory.MailboxAddress;
import org.junit.jupiter.api.Test;

/** Expansion of series: local time kept across DST, deleted and changed occurrences, bounds. */
class CalendarFolderTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static CalendarFolder folderWithWeeklyNineOClock() {
        CalendarFolder folder = new CalendarFolder(MailboxAddress.of("a@contoso.test"));
        ZonedDateTime first = ZonedDateTime.of(LocalDate.of(2026, 10, 12), LocalTime.of(9, 0), BERLIN);
        folder.add(new CalendarItem("series").subject("Weekly").timeZone(BERLIN).start(first.toInstant())
                .end(first.plusHours(1).toInstant())
                .recurrence(Recurrence.weekly(1, EnumSet.of(DayOfWeek.MONDAY), first.toLocalDate(), null, null)));
        return folder;
    }

    @Test
    void aWeeklySeriesKeepsItsLocalTimeAcrossTheDstChange() {
        List<Occurrence> occurrences = folderWithWeeklyNineOClock().occurrences(Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-11-10T00:00:00Z"));
        assertEquals(5, occurrences.size());
        for (Occurrence o : occurrences) {
            assertEquals(LocalTime.of(9, 0), o.start().atZone(BERLIN).toLocalTime());
            assertEquals(Occurrence.Kind.Occurrence, o.kind());
        }
        assertEquals(Instant.parse("2026-10-19T07:00:00Z"), occurrences.get(1).start(), "summer time: UTC+2");
        assertEquals(Instant.parse("2026-10-26T08:00:00Z"), occurrences.get(2).start(), "winter time: UTC+1");
    }

    @Test
    void deletedAndChangedOccurrences() {
        CalendarFolder folder = folderWithWeeklyNineOClock();
        Instant second = Instant.parse("2026-10-19T07:00:00Z");
        Instant third = Instant.parse("2026-10-26T08:00:00Z");
        folder.update("series", i -> i.deleteOccurrence(second));
        folder.update("series", i -> i.modifyOccurrence(third, new CalendarItem.OccurrenceChange(
                third.plusSeconds(3600), third.plusSeconds(7200), "Moved", null, BusyType.Tentative)));
        List<Occurrence> occurrences = folder.occurrences(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-10T00:00:00Z"));
        assertEquals(4, occurrences.size());
        Occurrence moved = occurrences.stream().filter(o -> o.kind() == Occurrence.Kind.Exception).findFirst().orElseThrow();
        assertEquals("Moved", moved.subject());
        assertEquals(third, moved.originalStart());
        assertEquals(BusyType.Tentative, moved.freeBusy());
        assertTrue(folder.occurrence("series", second).isEmpty());
    }

    @Test
    void numberedAndEndDateSeriesStop() {
        Recurrence numbered = Recurrence.daily(1, LocalDate.of(2026, 1, 1), null, 3);
        assertEquals(3, numbered.datesUntil(LocalDate.of(2027, 1, 1)).size());
        Recurrence ending = Recurrence.weekly(2, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 1), null);
        assertEquals(List.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 9), LocalDate.of(2026, 1, 19),
                LocalDate.of(2026, 1, 23)), ending.datesUntil(LocalDate.of(2027, 1, 1)));
    }

    @Test
    void anEventCrossingMidnightOverlapsBothDays() {
        CalendarFolder folder = new CalendarFolder(MailboxAddress.of("a@contoso.test"));
        folder.add(new CalendarItem("late").subject("Deploy").start(Instant.parse("2026-03-05T21:00:00Z"))
                .end(Instant.parse("2026-03-06T00:30:00Z")));
        assertEquals(1, folder.occurrences(Instant.parse("2026-03-06T00:00:00Z"), Instant.parse("2026-03-07T00:00:00Z")).size());
        assertEquals(1, folder.occurrences(Instant.parse("2026-03-05T00:00:00Z"), Instant.parse("2026-03-06T00:00:00Z")).size());
    }
}
