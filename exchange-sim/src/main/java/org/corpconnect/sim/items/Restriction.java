package org.corpconnect.sim.items;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.corpconnect.sim.calendar.ExtendedPropertyKey;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.ResponseError;
import org.corpconnect.sim.soap.SoapRequest;
import org.w3c.dom.Element;

/**
 * Evaluates a FindItem t:Restriction (restriction.md) against an item: the comparisons, Exists,
 * Contains, And, Or and Not over the item fields the simulator models and over extended properties.
 * Dates compare as instants, everything else as text (case-insensitive for Contains when asked).
 */
final class Restriction {
    private Restriction() {
    }

    static boolean matches(Element expression, Occurrence o) {
        String op = expression.getLocalName();
        List<Element> children = SoapRequest.children(expression);
        switch (op) {
            case "And":
                return children.stream().allMatch(c -> matches(c, o));
            case "Or":
                return children.stream().anyMatch(c -> matches(c, o));
            case "Not":
                return !matches(children.get(0), o);
            case "Exists":
                return value(children.get(0), o).isPresent();
            case "Contains": {
                Optional<String> v = value(children.get(0), o);
                String constant = Dom.child(expression, "Constant").map(c -> c.getAttribute("Value")).orElse("");
                boolean ignoreCase = expression.getAttribute("ContainmentComparison").startsWith("IgnoreCase");
                String mode = expression.getAttribute("ContainmentMode");
                return v.map(s -> {
                    String a = ignoreCase ? s.toLowerCase(Locale.ROOT) : s;
                    String b = ignoreCase ? constant.toLowerCase(Locale.ROOT) : constant;
                    return switch (mode) {
                        case "FullString" -> a.equals(b);
                        case "Prefixed" -> a.startsWith(b);
                        default -> a.contains(b);
                    };
                }).orElse(false);
            }
            case "IsEqualTo", "IsNotEqualTo", "IsGreaterThan", "IsGreaterThanOrEqualTo", "IsLessThan",
                    "IsLessThanOrEqualTo": {
                Optional<String> left = value(children.get(0), o);
                Element right = Dom.child(expression, "FieldURIOrConstant").orElseThrow();
                Element operand = SoapRequest.children(right).get(0);
                Optional<String> r = "Constant".equals(operand.getLocalName())
                        ? Optional.of(operand.getAttribute("Value")) : value(operand, o);
                if (left.isEmpty() || r.isEmpty()) {
                    return "IsNotEqualTo".equals(op) && left.isPresent() != r.isPresent();
                }
                int cmp = compare(left.get(), r.get());
                return switch (op) {
                    case "IsEqualTo" -> cmp == 0;
                    case "IsNotEqualTo" -> cmp != 0;
                    case "IsGreaterThan" -> cmp > 0;
                    case "IsGreaterThanOrEqualTo" -> cmp >= 0;
                    case "IsLessThan" -> cmp < 0;
                    default -> cmp <= 0;
                };
            }
            default:
                throw new ResponseError("ErrorInvalidRestriction", "The restriction " + op + " is not supported.");
        }
    }

    private static int compare(String a, String b) {
        try {
            return java.time.OffsetDateTime.parse(a).toInstant().compareTo(java.time.OffsetDateTime.parse(b).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return Long.compare(Long.parseLong(a), Long.parseLong(b));
            } catch (NumberFormatException n) {
                return a.compareTo(b);
            }
        }
    }

    /** The value of a FieldURI or ExtendedFieldURI on an item, as text; empty when the item has none. */
    private static Optional<String> value(Element path, Occurrence o) {
        if ("ExtendedFieldURI".equals(path.getLocalName())) {
            ExtendedPropertyKey key = ItemShape.extendedKey(path);
            return Optional.ofNullable(o.item().extendedProperties().get(key)).map(v -> v.isEmpty() ? "" : v.get(0));
        }
        String field = path.getAttribute("FieldURI");
        return switch (field) {
            case "item:Subject" -> Optional.ofNullable(o.subject());
            case "calendar:Location" -> Optional.ofNullable(o.location());
            case "calendar:Start" -> Optional.of(CalendarItemXml.UTC.format(o.start()));
            case "calendar:End" -> Optional.of(CalendarItemXml.UTC.format(o.end()));
            case "calendar:LegacyFreeBusyStatus" -> Optional.of(o.freeBusy().name());
            case "calendar:IsAllDayEvent" -> Optional.of(Boolean.toString(o.item().allDay()));
            case "calendar:UID" -> Optional.ofNullable(o.item().uid());
            case "item:Sensitivity" -> Optional.of(o.item().sensitivity().name());
            case "calendar:CalendarItemType" -> Optional.of(o.kind().name());
            case "item:ItemClass" -> Optional.of("IPM.Appointment");
            case "item:DateTimeReceived", "item:DateTimeCreated" ->
                    Optional.ofNullable(o.item().created()).map(CalendarItemXml.UTC::format);
            default -> throw new ResponseError("ErrorUnsupportedPathForQuery",
                    "The property " + field + " is not supported in a restriction by the simulator.");
        };
    }
}
