package org.corpconnect.sim.soap;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** Reading a request already validated against the schema: children by local name, typed text. */
public final class Dom {
    private Dom() {
    }

    public static Optional<Element> child(Element parent, String localName) {
        return SoapRequest.children(parent).stream().filter(c -> localName.equals(c.getLocalName())).findFirst();
    }

    public static List<Element> children(Element parent, String localName) {
        return SoapRequest.children(parent).stream().filter(c -> localName.equals(c.getLocalName())).toList();
    }

    public static Optional<String> text(Element parent, String localName) {
        return child(parent, localName).map(e -> e.getTextContent().trim());
    }

    public static Optional<String> attr(Element e, String name) {
        return e.hasAttribute(name) ? Optional.of(e.getAttribute(name)) : Optional.empty();
    }

    /**
     * An xs:dateTime: with an offset or Z it is absolute; without one it is local to {@code zone}
     * (Exchange reads unzoned times in the request's time zone, or UTC).
     */
    public static Instant dateTime(String value, ZoneId zone) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        }
    }

    public static boolean hasOffset(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
