package org.corpconnect.bookingrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    @Test
    void theDefaultIsMondayToFridayNineToFive() {
        assertEquals(LocalTime.of(9, 0), WorkingHours.DEFAULT.start());
        assertEquals(LocalTime.of(17, 0), WorkingHours.DEFAULT.end());
        assertTrue(WorkingHours.DEFAULT.isWorkingDay(DayOfWeek.MONDAY));
        assertTrue(WorkingHours.DEFAULT.isWorkingDay(DayOfWeek.FRIDAY));
        assertFalse(WorkingHours.DEFAULT.isWorkingDay(DayOfWeek.SATURDAY));
        assertFalse(WorkingHours.DEFAULT.isWorkingDay(DayOfWeek.SUNDAY));
        assertEquals(5, WorkingHours.DEFAULT.days().size());
    }

    @Test
    void hoursNeverSpanMidnight() {
        assertThrows(IllegalArgumentException.class,
                () -> new WorkingHours(Set.of(DayOfWeek.MONDAY), LocalTime.of(22, 0), LocalTime.of(6, 0)));
        assertThrows(IllegalArgumentException.class,
                () -> new WorkingHours(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(9, 0)));
    }
}
