package org.corpconnect.sim.graph.events;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpconnect.sim.calendar.CalendarItem;
import org.corpconnect.sim.calendar.ExtendedPropertyKey;
import org.corpconnect.sim.graph.GraphError;

/**
 * Graph's names of single-value extended properties (singlevaluelegacyextendedproperty.md):
 * {@code "{type} {proptag}"}, {@code "{type} {guid} Name {name}"} or {@code "{type} {guid} Id {id}"}.
 * Items keep EWS's keys; a key is compared in its canonical Graph form, so a property set written as
 * EWS's DistinguishedPropertySetId and as its GUID is one property, as in Exchange.
 */
final class ExtendedProperties {
    private static final Pattern ID = Pattern.compile(
            "^(\\w+)\\s+(?:(0x[0-9a-fA-F]{1,4})|\\{([0-9a-fA-F-]{36})}\\s+(Name|Id)\\s+(.+))$");
    private static final Map<String, String> DISTINGUISHED_SETS = Map.of(
            "publicstrings", "00020329-0000-0000-c000-000000000046",
            "appointment", "00062002-0000-0000-c000-000000000046",
            "common", "00062008-0000-0000-c000-000000000046",
            "meeting", "6ed8da90-450b-101b-98da-00aa003f1305",
            "internetheaders", "00020386-0000-0000-c000-000000000046",
            "address", "00062004-0000-0000-c000-000000000046",
            "task", "00062003-0000-0000-c000-000000000046",
            "calendarassistant", "11000e07-b51b-40d6-af21-caa85edab1d0",
            "unifiedmessaging", "4442858e-a9e3-4e80-b900-317a210cc15b",
            "sharing", "00062040-0000-0000-c000-000000000046");

    private ExtendedProperties() {
    }

    /** The key for a Graph id; 400 for an id Graph would not accept. */
    static ExtendedPropertyKey key(String graphId) {
        Matcher m = ID.matcher(graphId.trim());
        if (!m.matches()) {
            throw new GraphError(400, "ErrorInvalidProperty", "The extended property id '" + graphId + "' is not valid.");
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put("PropertyType", m.group(1));
        if (m.group(2) != null) {
            attributes.put("PropertyTag", m.group(2));
        } else {
            attributes.put("PropertySetId", m.group(3));
            attributes.put("Name".equalsIgnoreCase(m.group(4)) ? "PropertyName" : "PropertyId", m.group(5).trim());
        }
        return new ExtendedPropertyKey(attributes);
    }

    /** The canonical Graph id of a key (GUID lower-case, ids and tags in hex); empty for multi-valued ones. */
    static Optional<String> graphId(ExtendedPropertyKey key) {
        if (key.isMultiValued()) {
            return Optional.empty();
        }
        Map<String, String> a = key.attributes();
        String type = key.propertyType();
        if (a.containsKey("PropertyTag")) {
            return Optional.of(type + " 0x" + String.format("%04x", Integer.parseInt(a.get("PropertyTag"))));
        }
        String set = a.containsKey("PropertySetId") ? a.get("PropertySetId")
                : DISTINGUISHED_SETS.get(a.getOrDefault("DistinguishedPropertySetId", "").toLowerCase(Locale.ROOT));
        if (set == null) {
            return Optional.empty();
        }
        if (a.containsKey("PropertyName")) {
            return Optional.of(type + " {" + set + "} Name " + a.get("PropertyName"));
        }
        return Optional.of(type + " {" + set + "} Id 0x" + Integer.toHexString(Integer.parseInt(a.get("PropertyId"))));
    }

    static String canonical(String graphId) {
        return graphId(key(graphId)).orElse(graphId).toLowerCase(Locale.ROOT);
    }

    /** The item's single-value properties by canonical (lower-case) id, with their Graph id and value. */
    static Map<String, String[]> of(CalendarItem item) {
        Map<String, String[]> out = new HashMap<>();
        item.extendedProperties().forEach((k, v) -> graphId(k).ifPresent(id -> {
            if (!v.isEmpty()) {
                out.put(id.toLowerCase(Locale.ROOT), new String[] {id, v.get(0)});
            }
        }));
        return out;
    }

    /** Sets a property, replacing the item's existing key for it (however EWS spelled it). */
    static void set(CalendarItem item, String graphId, String value) {
        String canonical = canonical(graphId);
        item.extendedProperties().keySet().stream()
                .filter(k -> graphId(k).map(id -> id.toLowerCase(Locale.ROOT).equals(canonical)).orElse(false))
                .toList().forEach(item::removeExtendedProperty);
        item.extendedProperty(key(graphId), List.of(value));
    }

    /** {@code singleValueExtendedProperties/Any(ep: ep/id eq '...' and ep/value eq '...')}, the filter Graph documents. */
    record Filter(String id, Optional<String> value) {
        private static final Pattern ANY = Pattern.compile(
                "^singleValueExtendedProperties/any\\((\\w+):\\s*\\1/id\\s+eq\\s+'((?:[^']|'')*)'"
                        + "(?:\\s+and\\s+\\1/value\\s+eq\\s+'((?:[^']|'')*)')?\\s*\\)$", Pattern.CASE_INSENSITIVE);

        static Filter parse(String filter) {
            Matcher m = ANY.matcher(filter.trim());
            if (!m.matches()) {
                throw new GraphError(400, "ErrorInvalidUrlQueryFilter", "The simulator supports the $filter "
                        + "singleValueExtendedProperties/Any(ep: ep/id eq '...' and ep/value eq '...') only; got: " + filter);
            }
            return new Filter(m.group(2).replace("''", "'"), Optional.ofNullable(m.group(3)).map(v -> v.replace("''", "'")));
        }

        boolean matches(CalendarItem item) {
            String[] p = of(item).get(canonical(id));
            return p != null && value.map(v -> v.equals(p[1])).orElse(true);
        }
    }

    /** {@code $expand=singleValueExtendedProperties} or {@code ...($filter=id eq '...')}; empty when not asked for. */
    static Optional<Optional<String>> expand(Optional<String> expand) {
        if (expand.isEmpty() || expand.get().isBlank()) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("^singleValueExtendedProperties(?:\\(\\$filter=id\\s+eq\\s+'((?:[^']|'')*)'\\))?$",
                Pattern.CASE_INSENSITIVE).matcher(expand.get().trim());
        if (!m.matches()) {
            throw GraphError.badRequest("The simulator supports $expand=singleValueExtendedProperties (optionally with "
                    + "$filter=id eq '...') only; got: " + expand.get());
        }
        return Optional.of(Optional.ofNullable(m.group(1)).map(v -> v.replace("''", "'")));
    }
}
