package org.corpconnect.sim.graph.events;

import static org.corpconnect.sim.SimJson.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.sim.calendar.BusyType;
import org.corpconnect.sim.calendar.CalendarItem;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.calendar.Sensitivity;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.graph.GraphError;
import org.corpconnect.sim.graph.TimeZonePreference;
import org.corpconnect.sim.graph.ids.GraphIds;
import org.corpconnect.sim.items.ItemIds;

/** Graph's event resource (resources/event.md) written from, and read into, the simulator's calendar items. */
final class EventJson {
    static final String TYPE = "microsoft.graph.event";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private EventJson() {
    }

    /** How an event is written: the caller's zone, $select, whether details show, which extended properties. */
    record View(TimeZonePreference zone, Set<String> select, boolean seesDetails, Optional<Optional<String>> expand,
                boolean immutableIds) {
        View withDetails(boolean details) {
            return new View(zone, select, details, expand, immutableIds);
        }

        boolean wants(String property) {
            return select.isEmpty() || select.stream().anyMatch(p -> p.equalsIgnoreCase(property));
        }
    }

    static JsonObject write(Mailbox owner, Occurrence o, View view, Directory directory) {
        CalendarItem item = o.item();
        JsonObjectBuilder b = JSON.createObjectBuilder();
        b.add("@odata.etag", "W/\"" + item.changeKey() + "\"");
        b.add("id", GraphIds.graphId(GraphIds.ref(owner.address(), o), view.immutableIds()));
        boolean details = view.seesDetails();
        Put put = (name, value) -> {
            if (view.wants(name)) {
                b.add(name, value);
            }
        };
        put.add("createdDateTime", JSON.createValue(UTC.format(orNow(item.created()))));
        put.add("lastModifiedDateTime", JSON.createValue(UTC.format(orNow(item.lastModified()))));
        put.add("changeKey", JSON.createValue(item.changeKey()));
        put.add("categories", JSON.createArrayBuilder(item.categories()).build());
        put.add("transactionId", item.transactionId() == null ? JsonValue.NULL : JSON.createValue(item.transactionId()));
        String zoneName = item.timeZone() == null ? "UTC" : item.timeZone().getId();
        put.add("originalStartTimeZone", JSON.createValue(zoneName));
        put.add("originalEndTimeZone", JSON.createValue(zoneName));
        put.add("iCalUId", JSON.createValue(item.uid() == null ? item.id() : item.uid()));
        put.add("reminderMinutesBeforeStart", JSON.createValue(item.reminderMinutesBeforeStart()));
        put.add("isReminderOn", item.reminderSet() ? JsonValue.TRUE : JsonValue.FALSE);
        put.add("hasAttachments", JsonValue.FALSE);
        put.add("subject", JSON.createValue(details ? o.subject() : ""));
        put.add("bodyPreview", JSON.createValue(details && item.body() != null ? preview(item.body()) : ""));
        put.add("importance", JSON.createValue("normal"));
        put.add("sensitivity", JSON.createValue(item.sensitivity().name().toLowerCase(Locale.ROOT)));
        put.add("isAllDay", item.allDay() ? JsonValue.TRUE : JsonValue.FALSE);
        put.add("isCancelled", item.cancelled() ? JsonValue.TRUE : JsonValue.FALSE);
        boolean organizer = item.organizer() == null || item.organizer().equals(owner.address());
        put.add("isOrganizer", organizer ? JsonValue.TRUE : JsonValue.FALSE);
        put.add("responseRequested", JsonValue.TRUE);
        put.add("seriesMasterId", o.isRecurring()
                ? JSON.createValue(GraphIds.graphId(new ItemIds.ItemRef(owner.address(), item.id(), null), view.immutableIds()))
                : JsonValue.NULL);
        put.add("showAs", JSON.createValue(showAs(o.freeBusy())));
        put.add("type", JSON.createValue(switch (o.kind()) {
            case Single -> "singleInstance";
            case Occurrence -> "occurrence";
            case Exception -> "exception";
            case RecurringMaster -> "seriesMaster";
        }));
        if (o.isRecurring()) {
            put.add("originalStart", JSON.createValue(UTC.format(o.originalStart())));
        }
        put.add("isOnlineMeeting", JsonValue.FALSE);
        put.add("onlineMeetingProvider", JSON.createValue("unknown"));
        put.add("allowNewTimeProposals", JsonValue.TRUE);
        put.add("isDraft", JsonValue.FALSE);
        put.add("hideAttendees", JsonValue.FALSE);
        put.add("responseStatus", JSON.createObjectBuilder()
                .add("response", organizer ? "organizer" : "notResponded")
                .add("time", "0001-01-01T00:00:00Z").build());
        put.add("body", JSON.createObjectBuilder()
                .add("contentType", "HTML".equalsIgnoreCase(item.bodyType()) ? "html" : "text")
                .add("content", details && item.body() != null ? item.body() : "").build());
        put.add("start", dateTimeTimeZone(o.start(), view.zone()));
        put.add("end", dateTimeTimeZone(o.end(), view.zone()));
        JsonObject location = JSON.createObjectBuilder()
                .add("displayName", details && o.location() != null ? o.location() : "")
                .add("locationType", "default").add("uniqueIdType", "unknown").build();
        put.add("location", location);
        put.add("locations", details && o.location() != null && !o.location().isEmpty()
                ? JSON.createArrayBuilder().add(location).build() : JsonValue.EMPTY_JSON_ARRAY);
        put.add("recurrence", o.kind() == Occurrence.Kind.RecurringMaster
                ? RecurrenceJson.write(item.recurrence(), item.timeZone()) : JsonValue.NULL);
        put.add("attendees", attendees(item, directory));
        MailboxAddress organizerAddress = item.organizer() == null ? owner.address() : item.organizer();
        put.add("organizer", JSON.createObjectBuilder().add("emailAddress", emailAddress(organizerAddress, directory)).build());
        view.expand().ifPresent(only -> {
            JsonArrayBuilder props = JSON.createArrayBuilder();
            ExtendedProperties.of(item).forEach((canonical, idAndValue) -> {
                if (only.isEmpty() || ExtendedProperties.canonical(only.get()).equals(canonical)) {
                    props.add(JSON.createObjectBuilder().add("id", idAndValue[0]).add("value", idAndValue[1]));
                }
            });
            b.add("singleValueExtendedProperties", props);
        });
        return b.build();
    }

    @FunctionalInterface
    private interface Put {
        void add(String name, JsonValue value);
    }

    private static Instant orNow(Instant i) {
        return i == null ? Instant.now() : i;
    }

    private static String preview(String body) {
        String text = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return text.length() > 255 ? text.substring(0, 255) : text;
    }

    static JsonObject dateTimeTimeZone(Instant instant, TimeZonePreference zone) {
        return JSON.createObjectBuilder().add("dateTime", zone.format(instant)).add("timeZone", zone.name()).build();
    }

    static String showAs(BusyType b) {
        return switch (b) {
            case Free -> "free";
            case Tentative -> "tentative";
            case Busy -> "busy";
            case OOF -> "oof";
            case WorkingElsewhere -> "workingElsewhere";
            case NoData -> "unknown";
        };
    }

    private static BusyType busyType(String showAs) {
        return switch (showAs) {
            case "free" -> BusyType.Free;
            case "tentative" -> BusyType.Tentative;
            case "busy" -> BusyType.Busy;
            case "oof" -> BusyType.OOF;
            case "workingElsewhere" -> BusyType.WorkingElsewhere;
            default -> throw GraphError.badRequest("Invalid showAs value '" + showAs + "'.");
        };
    }

    private static JsonArray attendees(CalendarItem item, Directory directory) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        item.requiredAttendees().forEach(s -> a.add(attendee(s, "required", directory)));
        item.optionalAttendees().forEach(s -> a.add(attendee(s, "optional", directory)));
        return a.build();
    }

    private static JsonObject attendee(String smtp, String type, Directory directory) {
        return JSON.createObjectBuilder().add("type", type)
                .add("status", JSON.createObjectBuilder().add("response", "none").add("time", "0001-01-01T00:00:00Z"))
                .add("emailAddress", emailAddress(MailboxAddress.of(smtp), directory)).build();
    }

    private static JsonObject emailAddress(MailboxAddress address, Directory directory) {
        String name = directory.find(address).map(Mailbox::displayName).orElse(address.value());
        return JSON.createObjectBuilder().add("name", name).add("address", address.value()).build();
    }

    /** The changes an event body asks for, applied to an item; {@code creating} also takes the create-only ones. */
    static void apply(JsonObject body, CalendarItem item, boolean creating) {
        String startZone = null;
        JsonValue recurrence = null;
        for (Map.Entry<String, JsonValue> e : body.entrySet()) {
            JsonValue v = e.getValue();
            switch (e.getKey()) {
                case "subject" -> item.subject(string(v));
                case "body" -> {
                    JsonObject o = object(e.getKey(), v);
                    item.body(o.getString("content", ""), "html".equalsIgnoreCase(o.getString("contentType", "text")) ? "HTML" : "Text");
                }
                case "start" -> {
                    JsonObject o = object(e.getKey(), v);
                    startZone = o.getString("timeZone", "UTC");
                    item.start(TimeZonePreference.parse(o.getString("dateTime", ""), startZone));
                }
                case "end" -> {
                    JsonObject o = object(e.getKey(), v);
                    item.end(TimeZonePreference.parse(o.getString("dateTime", ""), o.getString("timeZone", "UTC")));
                }
                case "isAllDay" -> item.allDay(v == JsonValue.TRUE);
                case "showAs" -> item.freeBusy(busyType(string(v)));
                case "sensitivity" -> item.sensitivity(Sensitivity.parse(string(v)));
                case "location" -> item.location(v instanceof JsonObject o ? o.getString("displayName", null) : null);
                case "categories" -> item.categories(v instanceof JsonArray a
                        ? a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList() : List.of());
                case "isReminderOn" -> item.reminderSet(v == JsonValue.TRUE);
                case "reminderMinutesBeforeStart" -> item.reminderMinutesBeforeStart(
                        v instanceof jakarta.json.JsonNumber n ? n.intValue() : item.reminderMinutesBeforeStart());
                case "attendees" -> attendees(v, item);
                case "transactionId" -> {
                    if (creating) {
                        item.transactionId(v instanceof JsonString s ? s.getString() : null);
                    }
                }
                case "singleValueExtendedProperties" -> {
                    if (v instanceof JsonArray a) {
                        for (JsonValue p : a) {
                            JsonObject po = object(e.getKey(), p);
                            ExtendedProperties.set(item, po.getString("id", ""), po.getString("value", ""));
                        }
                    }
                }
                case "recurrence" -> recurrence = v;
                default -> {
                    // read-only or unsimulated properties (id, changeKey, importance...): Graph ignores the former
                }
            }
        }
        if (startZone != null) {
            item.timeZone(TimeZonePreference.zoneNamed(startZone).orElse(ZoneOffset.UTC));
        }
        if (recurrence instanceof JsonObject r && item.start() != null) {
            java.time.ZoneId zone = item.timeZone() == null ? ZoneOffset.UTC : item.timeZone();
            item.recurrence(RecurrenceJson.read(r, item.start().atZone(zone).toLocalDate()));
        } else if (recurrence != null && recurrence.getValueType() == JsonValue.ValueType.NULL) {
            item.recurrence(null);
        }
    }

    private static void attendees(JsonValue v, CalendarItem item) {
        List<String> required = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        if (v instanceof JsonArray a) {
            for (JsonValue x : a) {
                JsonObject attendee = object("attendees", x);
                JsonObject email = attendee.getJsonObject("emailAddress");
                if (email == null || !email.containsKey("address")) {
                    throw GraphError.badRequest("An attendee needs an emailAddress with an address.");
                }
                ("optional".equals(attendee.getString("type", "required")) ? optional : required)
                        .add(MailboxAddress.of(email.getString("address")).value());
            }
        }
        item.requiredAttendees(required).optionalAttendees(optional).meeting(!required.isEmpty() || !optional.isEmpty());
    }

    private static String string(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        throw GraphError.badRequest("A string was expected, not " + v);
    }

    private static JsonObject object(String name, JsonValue v) {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw GraphError.badRequest("The property '" + name + "' needs an object.");
    }
}
