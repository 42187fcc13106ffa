package org.corpconnect.sim.graph.schedule;

import static org.corpconnect.sim.SimJson.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.corpconnect.sim.calendar.BusyType;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.calendar.WindowsZones;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.graph.GraphCall;
import org.corpconnect.sim.graph.GraphError;
import org.corpconnect.sim.graph.GraphResponse;
import org.corpconnect.sim.graph.GraphUsers;
import org.corpconnect.sim.graph.TimeZonePreference;
import org.corpconnect.sim.graph.access.CalendarAccessDecision;
import org.corpconnect.sim.graph.access.CalendarOperation;

/** The getSchedule action. */
public final class GetSchedule {
    public static final int MAX_SCHEDULES = 20;
    public static final Duration MAX_WINDOW = Duration.ofDays(62);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSS");

    private GetSchedule() {
    }

    public static GraphResponse handle(GraphCall call) {
        JsonObject body = call.request().jsonBody();
        List<String> schedules = schedules(parameter(body, "schedules"));
        Instant start = time(parameter(body, "startTime"), "startTime");
        Instant end = time(parameter(body, "endTime"), "endTime");
        if (!end.isAfter(start)) {
            throw new GraphError(400, "ErrorInvalidParameter", "The end time must be later than the start time.");
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) >= 0) {
            throw new GraphError(400, "ErrorInvalidParameter", "The requested time span must be less than 62 days.");
        }
        int interval = interval(parameter(body, "availabilityViewInterval"));
        TimeZonePreference zone = call.timeZone();
        JsonArrayBuilder value = JSON.createArrayBuilder();
        for (String scheduleId : schedules) {
            value.add(schedule(call, scheduleId, start, end, interval, zone));
        }
        GraphResponse r = GraphResponse.collection(JSON.createObjectBuilder()
                .add("@odata.context", call.link("/$metadata#Collection(microsoft.graph.scheduleInformation)").toString())
                .add("value", value).build(), "microsoft.graph.scheduleInformation");
        if (zone.applied()) {
            r.header("Preference-Applied", "outlook.timezone=\"" + zone.name() + "\"");
        }
        return r;
    }

    private static JsonObject schedule(GraphCall call, String scheduleId, Instant start, Instant end, int interval,
                                       TimeZonePreference zone) {
        Optional<Mailbox> target = GraphUsers.find(call.directory(), scheduleId);
        if (target.isEmpty()) {
            // As Exchange Online answers an address it cannot resolve (microsoft-graph-docs issue 11225).
            return JSON.createObjectBuilder().add("scheduleId", scheduleId).add("error", JSON.createObjectBuilder()
                    .add("message", "Unable to resolve e-mail address " + scheduleId + " to an Active Directory object.")
                    .add("responseCode", "5009")).build();
        }
        Mailbox mailbox = target.get();
        CalendarAccessDecision decision = call.decide(mailbox, CalendarOperation.READ_SCHEDULE);
        if (decision instanceof CalendarAccessDecision.Denied denied) {
            return error(scheduleId, denied.code(), denied.message());
        }
        boolean details = ((CalendarAccessDecision.Allowed) decision).seesDetails();
        List<Occurrence> busy = mailbox.calendar().occurrences(start, end).stream()
                .filter(o -> o.freeBusy() != BusyType.Free).toList();
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (Occurrence o : busy) {
            boolean isPrivate = o.item().sensitivity().hidesDetails();
            JsonObjectBuilder item = JSON.createObjectBuilder()
                    .add("isPrivate", isPrivate)
                    .add("status", status(o.freeBusy()));
            if (details && !isPrivate) {
                item.add("subject", o.subject()).add("location", o.location() == null ? "" : o.location());
            }
            item.add("start", dateTimeTimeZone(o.start(), zone)).add("end", dateTimeTimeZone(o.end(), zone));
            items.add(item);
        }
        return JSON.createObjectBuilder()
                .add("scheduleId", scheduleId)
                .add("availabilityView", availabilityView(busy, start, end, interval))
                .add("scheduleItems", items)
                .add("workingHours", workingHours(mailbox))
                .build();
    }

    /** One digit per interval: 0 free, 1 tentative, 2 busy, 3 oof, 4 working elsewhere (the strongest one wins). */
    static String availabilityView(List<Occurrence> busy, Instant start, Instant end, int intervalMinutes) {
        StringBuilder view = new StringBuilder();
        Duration step = Duration.ofMinutes(intervalMinutes);
        for (Instant slot = start; slot.isBefore(end); slot = slot.plus(step)) {
            Instant slotEnd = slot.plus(step);
            BusyType strongest = BusyType.Free;
            for (Occurrence o : busy) {
                if (o.overlaps(slot, slotEnd) && o.freeBusy().rank() > strongest.rank()) {
                    strongest = o.freeBusy();
                }
            }
            view.append(switch (strongest) {
                case Tentative -> '1';
                case Busy -> '2';
                case OOF -> '3';
                case WorkingElsewhere -> '4';
                default -> '0';
            });
        }
        return view.toString();
    }

    private static JsonObject workingHours(Mailbox mailbox) {
        JsonArrayBuilder days = JSON.createArrayBuilder();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (mailbox.workingHours().days().contains(d)) {
                days.add(d.name().toLowerCase(Locale.ROOT));
            }
        }
        return JSON.createObjectBuilder().add("daysOfWeek", days)
                .add("startTime", TIME_OF_DAY.format(mailbox.workingHours().start()))
                .add("endTime", TIME_OF_DAY.format(mailbox.workingHours().end()))
                .add("timeZone", JSON.createObjectBuilder().add("name", WindowsZones.toWindowsId(mailbox.timeZone())))
                .build();
    }

    private static JsonObject error(String scheduleId, String code, String message) {
        return JSON.createObjectBuilder().add("scheduleId", scheduleId).add("availabilityView", "")
                .add("error", JSON.createObjectBuilder().add("message", message).add("responseCode", code)).build();
    }

    private static String status(BusyType b) {
        return switch (b) {
            case Tentative -> "tentative";
            case Busy -> "busy";
            case OOF -> "oof";
            case WorkingElsewhere -> "workingElsewhere";
            case Free -> "free";
            case NoData -> "unknown";
        };
    }

    private static JsonObject dateTimeTimeZone(Instant i, TimeZonePreference zone) {
        return JSON.createObjectBuilder().add("dateTime", zone.format(i)).add("timeZone", zone.name()).build();
    }

    /** Parameters are matched without regard to case, as Graph binds action parameters. */
    private static JsonValue parameter(JsonObject body, String name) {
        return body.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(JsonValue.NULL);
    }

    private static List<String> schedules(JsonValue v) {
        if (!(v instanceof JsonArray a) || a.isEmpty()) {
            throw new GraphError(400, "ErrorInvalidParameter", "The parameter 'schedules' needs at least one address.");
        }
        if (a.size() > MAX_SCHEDULES) {
            // The documented limit is 20; Exchange Online was seen to enforce 100 with this code and wording
            // (microsoft-graph-docs-contrib issue 5895). The simulator plays the documented limit.
            throw new GraphError(400, "ErrorMailboxDataArrayTooBig", "There are too many target users in the EmailAddress "
                    + "array. The allowed size = " + MAX_SCHEDULES + "; the actual size = " + a.size() + ".");
        }
        return a.stream().map(x -> x instanceof JsonString s ? s.getString() : x.toString()).toList();
    }

    private static Instant time(JsonValue v, String name) {
        if (!(v instanceof JsonObject o) || !o.containsKey("dateTime")) {
            throw new GraphError(400, "ErrorInvalidParameter", "The parameter '" + name + "' (dateTimeTimeZone) is required.");
        }
        return TimeZonePreference.parse(o.getString("dateTime"), o.getString("timeZone", "UTC"));
    }

    private static int interval(JsonValue v) {
        if (v.getValueType() == JsonValue.ValueType.NULL) {
            return 30;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.intValue() < 5 || n.intValue() > 1440) {
            throw new GraphError(400, "ErrorInvalidParameter", "availabilityViewInterval must be between 5 and 1440 minutes.");
        }
        return n.intValue();
    }
}
