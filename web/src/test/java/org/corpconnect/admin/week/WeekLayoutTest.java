package org.corpconnect.admin.week;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.admin.week.WeekLayout.Block;
import org.corpconnect.admin.week.WeekLayout.Held;
import org.corpconnect.admin.week.WeekLayout.Week;
import org.corpconnect.bookingrules.WorkingHours;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.junit.jupiter.api.Test;

class WeekLayoutTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final Set<BusyType> BLOCKING = Set.of(BusyType.BUSY, BusyType.OOF);

    @Test
    void aWeekStartsOnTheMondayOfAnyOfItsDays() {
        assertEquals(MONDAY, WeekLayout.mondayOf(LocalDate.of(2026, 12, 13)));
        assertEquals(MONDAY, WeekLayout.mondayOf(MONDAY));
        assertEquals(MONDAY, WeekLayout.mondayOf(LocalDate.of(2026, 12, 10)));
    }

    @Test
    void aBusyIntervalIsPlacedByItsLocalTimeOnItsDay() {
        Week week = layout(List.of(busy(1, 10, 0, 1, 11, 0, BusyType.BUSY)), List.of());
        List<Block> tuesday = week.days().get(1).blocks();
        assertEquals(1, tuesday.size());
        assertEquals(WeekLayout.HEADER + 10 * WeekLayout.HOUR, tuesday.get(0).y());
        assertEquals(WeekLayout.HOUR, tuesday.get(0).height());
        assertTrue(tuesday.get(0).blocking());
        assertEquals("Tue 8 Dec 10:00", week.items().get(0).from());
        assertTrue(week.days().get(0).blocks().isEmpty() && week.days().get(2).blocks().isEmpty());
    }

    @Test
    void anIntervalOverMidnightIsDrawnOnBothDaysAsOneItem() {
        Week week = layout(List.of(busy(3, 22, 0, 4, 1, 0, BusyType.BUSY)), List.of());
        Block thursday = week.days().get(3).blocks().get(0);
        Block friday = week.days().get(4).blocks().get(0);
        assertEquals(WeekLayout.HEADER + 22 * WeekLayout.HOUR, thursday.y());
        assertEquals(2 * WeekLayout.HOUR, thursday.height());
        assertEquals(WeekLayout.HEADER, friday.y());
        assertEquals(WeekLayout.HOUR, friday.height());
        assertEquals(0, thursday.item());
        assertEquals(0, friday.item());
        assertEquals(1, week.items().size());
    }

    @Test
    void overlappingBusyTimeSitsSideBySideAndBookingsBesideIt() {
        Week week = layout(List.of(busy(0, 9, 0, 0, 10, 0, BusyType.BUSY), busy(0, 9, 30, 0, 9, 45, BusyType.TENTATIVE)),
                List.of(new Held("b1", at(0, 9, 0), at(0, 9, 30), "Consultation", "CONFIRMED")));
        List<Block> monday = week.days().get(0).blocks();
        assertEquals(3, monday.size());
        Block first = monday.get(0);
        Block second = monday.get(1);
        Block booking = monday.get(2);
        assertTrue(second.x() >= first.x() + first.width(), "the second lane starts where the first ends");
        assertFalse(second.blocking(), "tentative does not block in this account");
        assertEquals("BOOKING", booking.kind());
        assertTrue(booking.x() >= second.x() + second.width());
        assertTrue(booking.x() + booking.width() <= week.days().get(0).x() + WeekLayout.DAY_WIDTH, "inside its day");
        assertEquals("Consultation (CONFIRMED)", week.items().get(2).title());
    }

    @Test
    void workingHoursAndTheTimeBeforeTheBusyTimeWasReadAreBands() {
        Instant readFrom = Instant.parse("2026-12-09T00:00:00Z"); // Wednesday 01:00 in Berlin
        Week week = WeekLayout.of(MONDAY, BERLIN, List.of(), BLOCKING, List.of(), WorkingHours.DEFAULT, Optional.of(readFrom),
                Instant.parse("2026-12-09T10:00:00Z"));
        assertEquals(24 * WeekLayout.HOUR, week.days().get(0).unread().orElseThrow().height());
        assertEquals(WeekLayout.HOUR, week.days().get(2).unread().orElseThrow().height());
        assertTrue(week.days().get(3).unread().isEmpty());
        assertEquals(WeekLayout.HEADER + 9 * WeekLayout.HOUR, week.days().get(0).working().orElseThrow().y());
        assertTrue(week.days().get(5).working().isEmpty(), "no work on Saturdays");
        assertEquals(WeekLayout.HEADER + 11 * WeekLayout.HOUR, week.nowY().orElseThrow());
        assertEquals(WeekLayout.GUTTER + 2 * WeekLayout.DAY_WIDTH, week.nowX().orElseThrow());
    }

    @Test
    void aWeekWithTheClockChangeKeepsLocalTimes() {
        LocalDate monday = LocalDate.of(2027, 3, 22); // clocks go forward on Sunday 28 March
        Instant start = ZonedDateTime.of(monday.plusDays(6).atTime(10, 0), BERLIN).toInstant();
        Week week = WeekLayout.of(monday, BERLIN, List.of(new BusyInterval(start, start.plusSeconds(3600), BusyType.BUSY)),
                BLOCKING, List.of(), WorkingHours.DEFAULT, Optional.empty(), start);
        assertEquals(WeekLayout.HEADER + 10 * WeekLayout.HOUR, week.days().get(6).blocks().get(0).y());
        assertEquals(7 * 24 - 1, week.window().length().toHours());
    }

    private static Week layout(List<BusyInterval> busy, List<Held> bookings) {
        return WeekLayout.of(MONDAY, BERLIN, busy, BLOCKING, bookings, WorkingHours.DEFAULT, Optional.empty(),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static BusyInterval busy(int startDay, int startHour, int startMinute, int endDay, int endHour, int endMinute, BusyType type) {
        return new BusyInterval(at(startDay, startHour, startMinute), at(endDay, endHour, endMinute), type);
    }

    private static Instant at(int day, int hour, int minute) {
        return ZonedDateTime.of(MONDAY.plusDays(day).atTime(hour, minute), BERLIN).toInstant();
    }
}
