package org.corpconnect.sim.calendar;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Identifies a MAPI extended property as t:ExtendedFieldURI names it: a property set (distinguished
 * or GUID) with a name or id, or a bare tag; plus its type. Two URIs naming the same property with
 * different spellings of the GUID or tag compare equal.
 */
public record ExtendedPropertyKey(Map<String, String> attributes) {
    public ExtendedPropertyKey {
        Map<String, String> normal = new TreeMap<>();
        attributes.forEach((k, v) -> normal.put(k, normalise(k, v)));
        attributes = Map.copyOf(normal);
    }

    private static String normalise(String attribute, String value) {
        return switch (attribute) {
            case "PropertySetId" -> value.toLowerCase(Locale.ROOT);
            case "PropertyTag", "PropertyId" -> value.startsWith("0x") || value.startsWith("0X")
                    ? String.valueOf(Integer.parseInt(value.substring(2), 16)) : value;
            default -> value;
        };
    }

    public String propertyType() {
        return attributes.getOrDefault("PropertyType", "String");
    }

    public boolean isMultiValued() {
        return propertyType().endsWith("Array");
    }
}
