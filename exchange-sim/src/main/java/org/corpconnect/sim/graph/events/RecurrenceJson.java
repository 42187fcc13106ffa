package org.corpconnect.sim.graph.events;

import static org.corpconnect.sim.SimJson.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.corpconnect.sim.calendar.Recurrence;
import org.corpconnect.sim.calendar.WindowsZones;
import org.corpconnect.sim.graph.GraphError;

/**
 * Graph's patternedRecurrence (resources/patternedrecurrence.md) for the patterns the calendar expands:
 * daily, weekly and absoluteMonthly, ending on a date, after a number of occurrences or never. Graph
 * writes an open range with endDate 0001-01-01 and numberOfOccurrences 0, and so does the simulator.
 */
final class RecurrenceJson {
    private static final LocalDate NO_DATE = LocalDate.of(1, 1, 1);

    private RecurrenceJson() {
    }

    static JsonObject write(Recurrence r, ZoneId zone) {
        JsonArrayBuilder days = JSON.createArrayBuilder();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (r.daysOfWeek().contains(d)) {
                days.add(d.name().toLowerCase(Locale.ROOT));
            }
        }
        JsonObject pattern = JSON.createObjectBuilder()
                .add("type", switch (r.pattern()) {
                    case DAILY -> "daily";
                    case WEEKLY -> "weekly";
                    case ABSOLUTE_MONTHLY -> "absoluteMonthly";
                })
                .add("interval", r.interval()).add("month", 0).add("dayOfMonth", r.dayOfMonth()).add("daysOfWeek", days)
                .add("firstDayOfWeek", "sunday").add("index", "first").build();
        String type = r.endDate() != null ? "endDate" : r.numberOfOccurrences() != null ? "numbered" : "noEnd";
        JsonObject range = JSON.createObjectBuilder().add("type", type)
                .add("startDate", r.startDate().toString())
                .add("endDate", (r.endDate() == null ? NO_DATE : r.endDate()).toString())
                .add("recurrenceTimeZone", zone == null ? "UTC" : WindowsZones.toWindowsId(zone))
                .add("numberOfOccurrences", r.numberOfOccurrences() == null ? 0 : r.numberOfOccurrences()).build();
        return JSON.createObjectBuilder().add("pattern", pattern).add("range", range).build();
    }

    static Recurrence read(JsonObject recurrence, LocalDate eventStartDate) {
        JsonObject pattern = object(recurrence, "pattern");
        JsonObject range = object(recurrence, "range");
        int interval = pattern.getInt("interval", 1);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (pattern.get("daysOfWeek") instanceof JsonArray a) {
            for (JsonValue v : a) {
                try {
                    days.add(DayOfWeek.valueOf(((JsonString) v).getString().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException | ClassCastException e) {
                    throw GraphError.badRequest("Invalid daysOfWeek value " + v + ".");
                }
            }
        }
        Recurrence.Pattern type = switch (pattern.getString("type", "")) {
            case "daily" -> Recurrence.Pattern.DAILY;
            case "weekly" -> Recurrence.Pattern.WEEKLY;
            case "absoluteMonthly" -> Recurrence.Pattern.ABSOLUTE_MONTHLY;
            default -> throw GraphError.badRequest("The simulator expands daily, weekly and absoluteMonthly recurrences only; "
                    + "got '" + pattern.getString("type", "") + "'.");
        };
        LocalDate start = range.containsKey("startDate") ? date(range.getString("startDate")) : eventStartDate;
        LocalDate end = null;
        Integer count = null;
        switch (range.getString("type", "noEnd")) {
            case "endDate" -> end = date(range.getString("endDate", ""));
            case "numbered" -> count = range.getInt("numberOfOccurrences", 0);
            case "noEnd" -> {
                // no bound
            }
            default -> throw GraphError.badRequest("Invalid recurrence range type '" + range.getString("type") + "'.");
        }
        try {
            return new Recurrence(type, interval, days, pattern.getInt("dayOfMonth", eventStartDate.getDayOfMonth()),
                    start, end, count);
        } catch (IllegalArgumentException e) {
            throw GraphError.badRequest("Invalid recurrence: " + e.getMessage());
        }
    }

    private static JsonObject object(JsonObject o, String name) {
        if (o.get(name) instanceof JsonObject v) {
            return v;
        }
        throw GraphError.badRequest("A recurrence needs a '" + name + "'.");
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw GraphError.badRequest("Invalid recurrence date '" + s + "'.");
        }
    }
}
