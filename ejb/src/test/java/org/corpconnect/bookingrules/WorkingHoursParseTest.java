package org.corpconnect.bookingrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class WorkingHoursParseTest {

    @Test
    void theConfiguredFormReadsBack() {
        assertEquals(WorkingHours.DEFAULT, WorkingHours.parse("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY 09:00-17:00"));
        assertEquals(new WorkingHours(EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(7, 30), LocalTime.of(12, 0)),
                WorkingHours.parse(" saturday 07:30-12:00 "));
    }

    @Test
    void anythingElseIsRefusedWithTheExpectedForm() {
        var refused = assertThrows(IllegalArgumentException.class, () -> WorkingHours.parse("weekdays nine to five"));
        assertEquals(true, refused.getMessage().contains("MONDAY,TUESDAY 09:00-17:00"));
    }
}
