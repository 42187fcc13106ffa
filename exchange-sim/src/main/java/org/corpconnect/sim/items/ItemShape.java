package org.corpconnect.sim.items;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.corpconnect.sim.calendar.ExtendedPropertyKey;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.SoapRequest;
import org.w3c.dom.Element;

/**
 * t:ItemResponseShape: a base shape plus additional properties. The base shapes expand to the
 * property sets Exchange documents for calendar items (baseshape.md); extended properties are
 * returned only when asked for by t:ExtendedFieldURI, never by a base shape.
 */
record ItemShape(String baseShape, Set<String> fields, Set<ExtendedPropertyKey> extended) {
    static final Set<String> DEFAULT = Set.of("item:ItemId", "item:Subject", "item:HasAttachments",
            "calendar:Start", "calendar:End", "calendar:LegacyFreeBusyStatus", "calendar:Location",
            "calendar:CalendarItemType", "calendar:Organizer", "calendar:RequiredAttendees", "calendar:OptionalAttendees");
    static final Set<String> ALL = Set.of("item:ItemId", "item:ParentFolderId", "item:ItemClass", "item:Subject",
            "item:Sensitivity", "item:Body", "item:DateTimeReceived", "item:Categories", "item:DateTimeCreated", "item:ReminderIsSet",
            "item:ReminderMinutesBeforeStart", "item:HasAttachments", "item:LastModifiedTime", "item:EffectiveRights",
            "calendar:UID", "calendar:Start", "calendar:End", "calendar:OriginalStart", "calendar:IsAllDayEvent",
            "calendar:LegacyFreeBusyStatus", "calendar:Location", "calendar:IsMeeting", "calendar:IsCancelled",
            "calendar:IsRecurring", "calendar:MeetingRequestWasSent", "calendar:CalendarItemType",
            "calendar:MyResponseType", "calendar:Organizer", "calendar:RequiredAttendees",
            "calendar:OptionalAttendees", "calendar:Duration", "calendar:TimeZone", "calendar:AppointmentState",
            "calendar:Recurrence");

    static ItemShape parse(Element shape, EwsCall call) {
        String base = Dom.text(shape, "BaseShape").orElse("Default");
        Set<String> fields = new LinkedHashSet<>(switch (base) {
            case "IdOnly" -> Set.of("item:ItemId");
            case "AllProperties" -> ALL;
            default -> DEFAULT;
        });
        Set<ExtendedPropertyKey> extended = new LinkedHashSet<>();
        call.log().requestedProperty("BaseShape:" + base);
        Dom.child(shape, "AdditionalProperties").ifPresent(additional -> {
            for (Element p : SoapRequest.children(additional)) {
                switch (p.getLocalName()) {
                    case "FieldURI" -> {
                        fields.add(p.getAttribute("FieldURI"));
                        call.log().requestedProperty(p.getAttribute("FieldURI"));
                    }
                    case "ExtendedFieldURI" -> {
                        ExtendedPropertyKey key = extendedKey(p);
                        extended.add(key);
                        call.log().requestedProperty("Extended:" + key.attributes());
                    }
                    default -> call.log().requestedProperty(p.getLocalName());
                }
            }
        });
        return new ItemShape(base, fields, extended);
    }

    static ExtendedPropertyKey extendedKey(Element extendedFieldUri) {
        Map<String, String> attributes = new HashMap<>();
        for (String a : new String[] {"DistinguishedPropertySetId", "PropertySetId", "PropertyTag", "PropertyName",
                "PropertyId", "PropertyType"}) {
            if (extendedFieldUri.hasAttribute(a)) {
                attributes.put(a, extendedFieldUri.getAttribute(a));
            }
        }
        return new ExtendedPropertyKey(attributes);
    }

    boolean has(String field) {
        return fields.contains(field);
    }
}
