package org.corpconnect.sim.items;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.corpconnect.sim.calendar.BusyType;
import org.corpconnect.sim.calendar.CalendarItem;
import org.corpconnect.sim.calendar.ExtendedPropertyKey;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.calendar.Recurrence;
import org.corpconnect.sim.calendar.Sensitivity;
import org.corpconnect.sim.calendar.WindowsZones;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.ExchangeVersion;
import org.corpconnect.sim.soap.ResponseError;
import org.corpconnect.sim.soap.SoapRequest;
import org.corpconnect.sim.soap.XmlWriter;
import org.w3c.dom.Element;

/**
 * Reads and writes t:CalendarItem. Writing follows the schema's element order (ItemType, then
 * CalendarItemType) and writes only the properties of the requested shape. Private items show as
 * "Private Appointment" without body or location to anyone but the owner and delegates.
 */
final class CalendarItemXml {
    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private CalendarItemXml() {
    }

    static void write(XmlWriter w, EwsCall call, Mailbox owner, Occurrence o, ItemShape shape, CalendarAccess access) {
        CalendarItem item = o.item();
        boolean hidden = item.sensitivity().hidesDetails() && !access.seesPrivateItems();
        w.start("t:CalendarItem");
        if (shape.has("item:ItemId")) {
            w.start("t:ItemId").attr("Id", ItemIds.idOf(owner.address(), o)).attr("ChangeKey", item.changeKey()).end();
        }
        if (shape.has("item:ParentFolderId")) {
            w.start("t:ParentFolderId").attr("Id", ItemIds.calendarFolderId(owner.address()))
                    .attr("ChangeKey", ItemIds.folderChangeKey()).end();
        }
        if (shape.has("item:ItemClass")) {
            w.element("t:ItemClass", "IPM.Appointment");
        }
        if (shape.has("item:Subject")) {
            w.element("t:Subject", hidden ? "Private Appointment" : o.subject());
        }
        if (shape.has("item:Sensitivity")) {
            w.element("t:Sensitivity", item.sensitivity().name());
        }
        if (shape.has("item:Body") && !hidden) {
            w.start("t:Body").attr("BodyType", item.bodyType()).text(item.body() == null ? "" : item.body()).end();
        }
        if (shape.has("item:DateTimeReceived") && item.created() != null) {
            w.element("t:DateTimeReceived", UTC.format(item.created())); // a calendar item is "received" when created
        }
        if (shape.has("item:Categories") && !item.categories().isEmpty()) {
            w.start("t:Categories");
            item.categories().forEach(c -> w.element("t:String", c));
            w.end();
        }
        if (shape.has("item:DateTimeCreated") && item.created() != null) {
            w.element("t:DateTimeCreated", UTC.format(item.created()));
        }
        if (shape.has("item:ReminderIsSet")) {
            w.element("t:ReminderIsSet", item.reminderSet());
        }
        if (shape.has("item:ReminderMinutesBeforeStart")) {
            w.element("t:ReminderMinutesBeforeStart", item.reminderMinutesBeforeStart());
        }
        if (shape.has("item:HasAttachments")) {
            w.element("t:HasAttachments", false);
        }
        Map<ExtendedPropertyKey, List<String>> extended = item.extendedProperties();
        for (ExtendedPropertyKey key : shape.extended()) {
            List<String> values = extended.get(key);
            if (values == null) {
                continue; // Exchange omits an extended property the item does not have
            }
            w.start("t:ExtendedProperty");
            w.start("t:ExtendedFieldURI");
            key.attributes().forEach(w::attr);
            w.end();
            if (key.isMultiValued()) {
                w.start("t:Values");
                values.forEach(v -> w.element("t:Value", v));
                w.end();
            } else {
                w.element("t:Value", values.get(0));
            }
            w.end();
        }
        if (shape.has("item:EffectiveRights")) {
            boolean own = access == CalendarAccess.OWNER;
            boolean mayEdit = access.editsAllItems() || (access == CalendarAccess.AUTHOR && call.acting().equals(item.createdBy()));
            w.start("t:EffectiveRights");
            w.element("t:CreateAssociated", false);
            w.element("t:CreateContents", false);
            w.element("t:CreateHierarchy", false);
            w.element("t:Delete", own || mayEdit);
            w.element("t:Modify", own || mayEdit);
            w.element("t:Read", true);
            if (call.version().atLeast(ExchangeVersion.Exchange2010)) { // ViewPrivateItems: in the 2010 schema and docs, not in 2007 SP1
                w.element("t:ViewPrivateItems", access.seesPrivateItems());
            }
            w.end();
        }
        if (shape.has("item:LastModifiedTime") && item.lastModified() != null) {
            w.element("t:LastModifiedTime", UTC.format(item.lastModified()));
        }
        if (shape.has("calendar:UID") && call.version().atLeast(ExchangeVersion.Exchange2007_SP1)) {
            w.element("t:UID", item.uid());
        }
        if (shape.has("calendar:Start")) {
            w.element("t:Start", UTC.format(o.start()));
        }
        if (shape.has("calendar:End")) {
            w.element("t:End", UTC.format(o.end()));
        }
        if (shape.has("calendar:OriginalStart") && o.originalStart() != null) {
            w.element("t:OriginalStart", UTC.format(o.originalStart()));
        }
        if (shape.has("calendar:IsAllDayEvent")) {
            w.element("t:IsAllDayEvent", item.allDay());
        }
        if (shape.has("calendar:LegacyFreeBusyStatus")) {
            w.element("t:LegacyFreeBusyStatus", call.version().visible(o.freeBusy()).name());
        }
        if (shape.has("calendar:Location") && !hidden && o.location() != null) {
            w.element("t:Location", o.location());
        }
        if (shape.has("calendar:IsMeeting")) {
            w.element("t:IsMeeting", item.meeting());
        }
        if (shape.has("calendar:IsCancelled")) {
            w.element("t:IsCancelled", item.cancelled());
        }
        if (shape.has("calendar:IsRecurring")) {
            w.element("t:IsRecurring", o.isRecurring());
        }
        if (shape.has("calendar:MeetingRequestWasSent")) {
            w.element("t:MeetingRequestWasSent", item.meeting() && !item.requiredAttendees().isEmpty());
        }
        if (shape.has("calendar:CalendarItemType")) {
            w.element("t:CalendarItemType", o.kind().name());
        }
        boolean organizerIsOwner = item.organizer() == null || item.organizer().equals(owner.address());
        if (shape.has("calendar:MyResponseType")) {
            w.element("t:MyResponseType", organizerIsOwner ? "Organizer" : "Tentative");
        }
        if (shape.has("calendar:Organizer") && item.organizer() != null) {
            w.start("t:Organizer");
            mailbox(w, call.directory(), item.organizer().value());
            w.end();
        }
        if (shape.has("calendar:RequiredAttendees") && !item.requiredAttendees().isEmpty()) {
            attendees(w, call.directory(), "t:RequiredAttendees", item.requiredAttendees());
        }
        if (shape.has("calendar:OptionalAttendees") && !item.optionalAttendees().isEmpty()) {
            attendees(w, call.directory(), "t:OptionalAttendees", item.optionalAttendees());
        }
        if (shape.has("calendar:Duration")) {
            w.element("t:Duration", java.time.Duration.between(o.start(), o.end()).toString());
        }
        if (shape.has("calendar:TimeZone") && item.timeZone() != null) {
            w.element("t:TimeZone", WindowsZones.toWindowsId(item.timeZone()));
        }
        if (shape.has("calendar:AppointmentState")) {
            w.element("t:AppointmentState", !item.meeting() ? 0 : organizerIsOwner ? 1 : 3);
        }
        if (shape.has("calendar:Recurrence") && o.kind() == Occurrence.Kind.RecurringMaster) {
            writeRecurrence(w, item.recurrence());
        }
        // StartTimeZone and EndTimeZone exist from Exchange2010 on (starttimezone.md): the item's zone
        // with its periods and transitions in the year the occurrence starts.
        if (call.version().atLeast(ExchangeVersion.Exchange2010)) {
            java.time.ZoneId zone = item.timeZone() == null ? java.time.ZoneOffset.UTC : item.timeZone();
            int year = o.start().atZone(zone).getYear();
            if (shape.has("calendar:StartTimeZone")) {
                org.corpconnect.sim.calendar.TimeZoneDefinitionXml.write(w, "t:StartTimeZone", zone, year);
            }
            if (shape.has("calendar:EndTimeZone")) {
                org.corpconnect.sim.calendar.TimeZoneDefinitionXml.write(w, "t:EndTimeZone", zone, year);
            }
        }
        w.end();
    }

    private static void mailbox(XmlWriter w, Directory directory, String smtp) {
        w.start("t:Mailbox");
        directory.find(smtp).ifPresent(m -> w.element("t:Name", m.displayName()));
        w.element("t:EmailAddress", smtp);
        w.element("t:RoutingType", "SMTP");
        w.element("t:MailboxType", directory.find(smtp).isPresent() ? "Mailbox" : "OneOff");
        w.end();
    }

    private static void attendees(XmlWriter w, Directory directory, String element, List<String> addresses) {
        w.start(element);
        for (String a : addresses) {
            w.start("t:Attendee");
            mailbox(w, directory, a);
            w.element("t:ResponseType", "Unknown");
            w.end();
        }
        w.end();
    }

    private static void writeRecurrence(XmlWriter w, Recurrence r) {
        w.start("t:Recurrence");
        switch (r.pattern()) {
            case DAILY -> w.start("t:DailyRecurrence").element("t:Interval", r.interval()).end();
            case WEEKLY -> w.start("t:WeeklyRecurrence").element("t:Interval", r.interval())
                    .element("t:DaysOfWeek", r.daysOfWeek().stream().map(CalendarItemXml::dayName)
                            .collect(Collectors.joining(" "))).end();
            case ABSOLUTE_MONTHLY -> w.start("t:AbsoluteMonthlyRecurrence").element("t:Interval", r.interval())
                    .element("t:DayOfMonth", r.dayOfMonth()).end();
        }
        if (r.endDate() != null) {
            w.start("t:EndDateRecurrence").element("t:StartDate", r.startDate()).element("t:EndDate", r.endDate()).end();
        } else if (r.numberOfOccurrences() != null) {
            w.start("t:NumberedRecurrence").element("t:StartDate", r.startDate())
                    .element("t:NumberOfOccurrences", r.numberOfOccurrences()).end();
        } else {
            w.start("t:NoEndRecurrence").element("t:StartDate", r.startDate()).end();
        }
        w.end();
    }

    private static String dayName(DayOfWeek d) {
        String n = d.name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The zone a request's unzoned times are read in: its TimeZoneContext, else UTC. */
    static ZoneId requestZone(EwsCall call) {
        return call.timeZoneContext().orElse(ZoneOffset.UTC);
    }

    /**
     * Applies the properties present in a t:CalendarItem element (from CreateItem or a SetItemField)
     * to an item. Unsupported properties are ignored, as a store would keep them without meaning.
     */
    static void apply(Element calendarItem, CalendarItem item, EwsCall call) {
        ZoneId zone = requestZone(call);
        for (Element p : SoapRequest.children(calendarItem)) {
            String text = p.getTextContent().trim();
            switch (p.getLocalName()) {
                case "Subject" -> item.subject(p.getTextContent());
                case "Sensitivity" -> item.sensitivity(Sensitivity.parse(text));
                case "Body" -> item.body(p.getTextContent(), Dom.attr(p, "BodyType").orElse("Text"));
                case "Categories" -> item.categories(Dom.children(p, "String").stream().map(e -> e.getTextContent().trim()).toList());
                case "ReminderIsSet" -> item.reminderSet(Boolean.parseBoolean(text));
                case "ReminderMinutesBeforeStart" -> item.reminderMinutesBeforeStart(Integer.parseInt(text));
                case "ExtendedProperty" -> {
                    Element uri = Dom.child(p, "ExtendedFieldURI").orElseThrow();
                    List<String> values = Dom.child(p, "Values")
                            .map(vs -> Dom.children(vs, "Value").stream().map(Element::getTextContent).toList())
                            .orElseGet(() -> List.of(Dom.child(p, "Value").map(Element::getTextContent).orElse("")));
                    item.extendedProperty(ItemShape.extendedKey(uri), values);
                }
                case "UID" -> item.uid(text);
                case "Start" -> item.start(Dom.dateTime(text, zone));
                case "End" -> item.end(Dom.dateTime(text, zone));
                case "IsAllDayEvent" -> item.allDay(Boolean.parseBoolean(text));
                case "LegacyFreeBusyStatus" -> item.freeBusy(BusyType.parse(text));
                case "Location" -> item.location(p.getTextContent());
                case "RequiredAttendees" -> item.requiredAttendees(addresses(p));
                case "OptionalAttendees" -> item.optionalAttendees(addresses(p));
                case "Recurrence" -> item.recurrence(recurrence(p));
                case "StartTimeZone", "MeetingTimeZone" -> {
                    String id = Dom.attr(p, "Id").or(() -> Dom.attr(p, "TimeZoneName")).orElse(null);
                    WindowsZones.toZone(id).ifPresent(item::timeZone);
                }
                case "StartTimeZoneId" -> WindowsZones.toZone(text).ifPresent(item::timeZone);
                default -> {
                    // Stored by Exchange but with no effect on what the simulator models.
                }
            }
        }
    }

    private static List<String> addresses(Element attendees) {
        List<String> out = new ArrayList<>();
        for (Element a : Dom.children(attendees, "Attendee")) {
            Dom.child(a, "Mailbox").flatMap(m -> Dom.text(m, "EmailAddress"))
                    .ifPresent(s -> out.add(MailboxAddress.of(s).value()));
        }
        return out;
    }

    static Recurrence recurrence(Element r) {
        Element pattern = SoapRequest.children(r).get(0);
        Element range = SoapRequest.children(r).get(1);
        LocalDate start = date(Dom.text(range, "StartDate").orElseThrow());
        LocalDate end = Dom.text(range, "EndDate").map(CalendarItemXml::date).orElse(null);
        Integer count = Dom.text(range, "NumberOfOccurrences").map(Integer::parseInt).orElse(null);
        int interval = Dom.text(pattern, "Interval").map(Integer::parseInt).orElse(1);
        try {
            return switch (pattern.getLocalName()) {
                case "DailyRecurrence" -> Recurrence.daily(interval, start, end, count);
                case "WeeklyRecurrence" -> {
                    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                    for (String d : Dom.text(pattern, "DaysOfWeek").orElse("").split("\\s+")) {
                        if (!d.isBlank()) {
                            days.add(DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT)));
                        }
                    }
                    yield Recurrence.weekly(interval, days, start, end, count);
                }
                case "AbsoluteMonthlyRecurrence" -> new Recurrence(Recurrence.Pattern.ABSOLUTE_MONTHLY, interval, Set.of(),
                        Integer.parseInt(Dom.text(pattern, "DayOfMonth").orElse("1")), start, end, count);
                default -> throw new ResponseError("ErrorCalendarInvalidRecurrence",
                        "The simulator supports daily, weekly and absolute monthly recurrences; not " + pattern.getLocalName() + ".");
            };
        } catch (IllegalArgumentException e) {
            throw new ResponseError("ErrorCalendarInvalidRecurrence", e.getMessage());
        }
    }

    /** xs:date may carry a zone suffix ("2024-03-04Z", "2024-03-04+01:00"); the date part is what counts. */
    private static LocalDate date(String value) {
        return LocalDate.parse(value.substring(0, 10));
    }

    static Optional<Instant> instant(String value, EwsCall call) {
        return Optional.ofNullable(value).map(v -> Dom.dateTime(v, requestZone(call)));
    }
}
