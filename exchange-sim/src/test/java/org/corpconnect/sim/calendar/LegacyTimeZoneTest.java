package org.corpconnect.sim.calendar;

import static org.junit.jupiter.api.Assertions.*;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The legacy time zone of GetUserAvailability against the JDK's zone rules, around DST changes. */
class LegacyTimeZoneTest {
    @Test
    void berlinIsDescribedAsWindowsDoes() {
        LegacyTimeZone berlin = LegacyTimeZone.of(ZoneId.of("Europe/Berlin"), 2026);
        assertEquals(-60, berlin.bias());
        assertEquals(new LegacyTimeZone.Transition(0, LocalTime.of(3, 0), 5, 10, DayOfWeek.SUNDAY), berlin.standard());
        assertEquals(new LegacyTimeZone.Transition(-60, LocalTime.of(2, 0), 5, 3, DayOfWeek.SUNDAY), berlin.daylight());
    }

    @Test
    void conversionsMatchTheJdkAroundBothChanges() {
        for (String id : new String[] {"Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Tokyo"}) {
            ZoneId zone = ZoneId.of(id);
            LegacyTimeZone legacy = LegacyTimeZone.of(zone, 2026);
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            for (int hour = 0; hour < 365 * 24; hour += 7) {
                Instant i = t.plusSeconds(hour * 3600L);
                assertEquals(zone.getRules().getOffset(i), legacy.offsetAt(i), id + " at " + i);
                LocalDateTime local = LocalDateTime.ofInstant(i, zone);
                assertEquals(local, legacy.toLocal(i), id + " at " + i);
            }
        }
    }

    @Test
    void utcAsEwsJavaApiSendsItHasNoDaylightTime() {
        LegacyTimeZone utc = new LegacyTimeZone(0,
                new LegacyTimeZone.Transition(0, LocalTime.of(2, 0), 1, 3, DayOfWeek.SUNDAY),
                new LegacyTimeZone.Transition(0, LocalTime.of(2, 0), 1, 10, DayOfWeek.SUNDAY));
        assertEquals(Instant.parse("2026-07-01T00:00:00Z"), utc.toInstant(LocalDateTime.parse("2026-07-01T00:00:00")));
    }

    @Test
    void pacificAsInMicrosoftsSample() {
        // Bias 480, daylight from the first Sunday of April, standard from the last Sunday of October (2006 rules).
        LegacyTimeZone pst = new LegacyTimeZone(480,
                new LegacyTimeZone.Transition(0, LocalTime.of(2, 0), 5, 10, DayOfWeek.SUNDAY),
                new LegacyTimeZone.Transition(-60, LocalTime.of(2, 0), 1, 4, DayOfWeek.SUNDAY));
        assertEquals(Instant.parse("2006-10-16T13:00:00Z"), pst.toInstant(LocalDateTime.parse("2006-10-16T06:00:00")));
        assertEquals(Instant.parse("2006-12-01T14:00:00Z"), pst.toInstant(LocalDateTime.parse("2006-12-01T06:00:00")));
    }
}
