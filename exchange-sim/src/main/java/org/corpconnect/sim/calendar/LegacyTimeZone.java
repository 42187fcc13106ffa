package org.corpconnect.sim.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;
import org.corpconnect.sim.soap.SoapRequest;
import org.corpconnect.sim.soap.XmlWriter;
import org.w3c.dom.Element;

/**
 * t:SerializableTimeZone, the legacy time zone of GetUserAvailability: a bias and two yearly
 * transition rules, all in minutes west of UTC as Windows counts them. It converts the request's
 * unzoned times, and describes each mailbox's zone in WorkingHours.
 */
public record LegacyTimeZone(int bias, Transition standard, Transition daylight) {

    /** One SerializableTimeZoneTime: bias added to the main bias, and when (local time) it starts. */
    public record Transition(int bias, LocalTime time, int dayOrder, int month, DayOfWeek dayOfWeek) {
        LocalDate dateIn(int year) {
            LocalDate firstOfMonth = LocalDate.of(year, month, 1);
            if (dayOrder >= 5) {
                return firstOfMonth.with(TemporalAdjusters.lastInMonth(dayOfWeek));
            }
            return firstOfMonth.with(TemporalAdjusters.dayOfWeekInMonth(Math.max(dayOrder, 1), dayOfWeek));
        }
    }

    public static final LegacyTimeZone UTC = new LegacyTimeZone(0,
            new Transition(0, LocalTime.MIDNIGHT, 0, 0, DayOfWeek.SUNDAY),
            new Transition(0, LocalTime.MIDNIGHT, 0, 0, DayOfWeek.SUNDAY));

    public boolean observesDaylightTime() {
        return standard.month() != 0 && daylight.month() != 0 && standard.bias() != daylight.bias();
    }

    public ZoneOffset offsetAt(Instant instant) {
        int minutesWest = bias + (isDaylight(instant) ? daylight.bias() : standard.bias());
        return ZoneOffset.ofTotalSeconds(-minutesWest * 60);
    }

    private boolean isDaylight(Instant instant) {
        if (!observesDaylightTime()) {
            return false;
        }
        int year = instant.atOffset(ZoneOffset.ofTotalSeconds(-bias * 60)).getYear();
        // Daylight time starts at its local time in standard time, and ends at its local time in daylight time.
        Instant daylightStarts = LocalDateTime.of(daylight.dateIn(year), daylight.time())
                .toInstant(ZoneOffset.ofTotalSeconds(-(bias + standard.bias()) * 60));
        Instant standardStarts = LocalDateTime.of(standard.dateIn(year), standard.time())
                .toInstant(ZoneOffset.ofTotalSeconds(-(bias + daylight.bias()) * 60));
        if (daylightStarts.isBefore(standardStarts)) {
            return !instant.isBefore(daylightStarts) && instant.isBefore(standardStarts);
        }
        // Southern hemisphere: daylight time spans the turn of the year.
        return !instant.isBefore(daylightStarts) || instant.isBefore(standardStarts);
    }

    public Instant toInstant(LocalDateTime local) {
        ZoneOffset standardOffset = ZoneOffset.ofTotalSeconds(-(bias + standard.bias()) * 60);
        Instant asStandard = local.toInstant(standardOffset);
        if (offsetAt(asStandard).equals(standardOffset)) {
            return asStandard;
        }
        return local.toInstant(ZoneOffset.ofTotalSeconds(-(bias + daylight.bias()) * 60));
    }

    public LocalDateTime toLocal(Instant instant) {
        return LocalDateTime.ofInstant(instant, offsetAt(instant));
    }

    public static LegacyTimeZone parse(Element timeZone) {
        int bias = Integer.parseInt(text(timeZone, "Bias"));
        return new LegacyTimeZone(bias, transition(child(timeZone, "StandardTime")),
                transition(child(timeZone, "DaylightTime")));
    }

    private static Transition transition(Element e) {
        return new Transition(Integer.parseInt(text(e, "Bias")), LocalTime.parse(text(e, "Time")),
                Integer.parseInt(text(e, "DayOrder")), Integer.parseInt(text(e, "Month")),
                DayOfWeek.valueOf(text(e, "DayOfWeek").toUpperCase(java.util.Locale.ROOT)));
    }

    private static Element child(Element parent, String name) {
        return SoapRequest.children(parent).stream().filter(c -> name.equals(c.getLocalName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("missing " + name));
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }

    /** The legacy form of an IANA zone, using the transition rules in force in the given year. */
    public static LegacyTimeZone of(ZoneId zone, int year) {
        ZoneRules rules = zone.getRules();
        Instant midYear = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<ZoneOffsetTransitionRule> transitionRules = rules.getTransitionRules();
        if (transitionRules.size() != 2) {
            int bias = -rules.getStandardOffset(midYear).getTotalSeconds() / 60;
            return new LegacyTimeZone(bias, UTC.standard(), UTC.daylight());
        }
        ZoneOffsetTransitionRule toDaylight = transitionRules.stream()
                .filter(r -> r.getOffsetAfter().getTotalSeconds() > r.getOffsetBefore().getTotalSeconds())
                .findFirst().orElseThrow();
        ZoneOffsetTransitionRule toStandard = transitionRules.stream().filter(r -> r != toDaylight).findFirst().orElseThrow();
        int standardOffset = toDaylight.getStandardOffset().getTotalSeconds() / 60;
        int daylightOffset = toDaylight.getOffsetAfter().getTotalSeconds() / 60;
        return new LegacyTimeZone(-standardOffset,
                transitionOf(toStandard, year, 0),
                transitionOf(toDaylight, year, -(daylightOffset - standardOffset)));
    }

    private static Transition transitionOf(ZoneOffsetTransitionRule rule, int year, int bias) {
        LocalDateTime before = rule.createTransition(year).getDateTimeBefore();
        LocalDate date = before.toLocalDate();
        int dayOrder = date.plusWeeks(1).getMonthValue() != date.getMonthValue() ? 5 : (date.getDayOfMonth() - 1) / 7 + 1;
        return new Transition(bias, before.toLocalTime(), dayOrder, date.getMonthValue(), date.getDayOfWeek());
    }

    /** Writes t:{elementName} with Bias, StandardTime and DaylightTime in schema order. */
    public void write(XmlWriter w, String qname) {
        w.start(qname);
        w.element("t:Bias", bias);
        writeTransition(w, "t:StandardTime", standard);
        writeTransition(w, "t:DaylightTime", daylight);
        w.end();
    }

    private static void writeTransition(XmlWriter w, String qname, Transition t) {
        w.start(qname);
        w.element("t:Bias", t.bias());
        w.element("t:Time", t.time().toString().length() == 5 ? t.time() + ":00" : t.time().toString());
        w.element("t:DayOrder", t.dayOrder());
        w.element("t:Month", t.month());
        String day = t.dayOfWeek().name();
        w.element("t:DayOfWeek", day.charAt(0) + day.substring(1).toLowerCase(java.util.Locale.ROOT));
        w.end();
    }
}
