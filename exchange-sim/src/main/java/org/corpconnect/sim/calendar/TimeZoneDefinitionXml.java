package org.corpconnect.sim.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import org.corpconnect.sim.soap.XmlWriter;

/**
 * Writes a t:TimeZoneDefinitionType (StartTimeZone, EndTimeZone) as Exchange 2010+ does: Periods
 * (Standard, and Daylight where the zone has daylight time), one TransitionsGroup with the yearly
 * RecurringDayTransitions between them, and Transitions pointing at that group. The rules are those
 * in force in the given year. Clients need the transitions: the EWS Managed API (and its ports)
 * reject a definition without them ("The time zone definition is invalid or unsupported").
 * The Name attribute (Windows' display name) is not written: the simulator has no display names.
 */
public final class TimeZoneDefinitionXml {
    private TimeZoneDefinitionXml() {
    }

    public static void write(XmlWriter w, String qname, ZoneId zone, int year) {
        String id = WindowsZones.toWindowsId(zone);
        LegacyTimeZone legacy = LegacyTimeZone.of(zone, year);
        String standardId = "trule:Microsoft/Registry/" + id + "/" + year + "-Standard";
        String daylightId = "trule:Microsoft/Registry/" + id + "/" + year + "-Daylight";
        boolean daylight = legacy.observesDaylightTime();
        w.start(qname).attr("Id", id);
        w.start("t:Periods");
        w.start("t:Period").attr("Bias", duration(legacy.bias() + legacy.standard().bias())).attr("Name", "Standard")
                .attr("Id", standardId).end();
        if (daylight) {
            w.start("t:Period").attr("Bias", duration(legacy.bias() + legacy.daylight().bias())).attr("Name", "Daylight")
                    .attr("Id", daylightId).end();
        }
        w.end();
        w.start("t:TransitionsGroups").start("t:TransitionsGroup").attr("Id", "0");
        if (daylight) {
            transition(w, daylightId, legacy.daylight());
            transition(w, standardId, legacy.standard());
        } else {
            w.start("t:Transition").start("t:To").attr("Kind", "Period").text(standardId).end().end();
        }
        w.end().end();
        w.start("t:Transitions").start("t:Transition").start("t:To").attr("Kind", "Group").text("0").end().end().end();
        w.end();
    }

    private static void transition(XmlWriter w, String to, LegacyTimeZone.Transition t) {
        w.start("t:RecurringDayTransition");
        w.start("t:To").attr("Kind", "Period").text(to).end();
        w.element("t:TimeOffset", timeOffset(t.time()));
        w.element("t:Month", t.month());
        w.element("t:DayOfWeek", dayName(t.dayOfWeek()));
        w.element("t:Occurrence", t.dayOrder() >= 5 ? -1 : t.dayOrder());
        w.end();
    }

    /** Minutes west of UTC as an xs:duration, as Exchange writes Period/@Bias: -60 is "-PT1H". */
    static String duration(int minutesWest) {
        if (minutesWest == 0) {
            return "PT0H";
        }
        int abs = Math.abs(minutesWest);
        StringBuilder sb = new StringBuilder(minutesWest < 0 ? "-PT" : "PT");
        if (abs / 60 > 0) {
            sb.append(abs / 60).append('H');
        }
        if (abs % 60 > 0) {
            sb.append(abs % 60).append('M');
        }
        return sb.toString();
    }

    private static String timeOffset(LocalTime t) {
        int minutes = t.getHour() * 60 + t.getMinute();
        return minutes == 0 ? "PT0H" : duration(minutes);
    }

    private static String dayName(DayOfWeek d) {
        String n = d.name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }
}
