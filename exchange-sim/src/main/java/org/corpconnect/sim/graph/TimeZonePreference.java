package org.corpconnect.sim.graph;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpconnect.sim.calendar.WindowsZones;

/**
 * The zone Graph writes event times in: {@code Prefer: outlook.timezone="..."} (a Windows or IANA
 * name), UTC without it. Also reads a {@code dateTimeTimeZone} or a query-string date-time.
 */
public record TimeZonePreference(String name, ZoneId zone, boolean applied) {
    public static final TimeZonePreference UTC = new TimeZonePreference("UTC", ZoneOffset.UTC, false);
    private static final Pattern PREFER = Pattern.compile("outlook\\.timezone\\s*=\\s*\"?([^\",]+)\"?");
    private static final DateTimeFormatter GRAPH_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");

    /** From the Prefer header(s); an unknown zone is ignored, as Graph then answers in UTC. */
    public static TimeZonePreference from(Optional<String> prefer) {
        if (prefer.isEmpty()) {
            return UTC;
        }
        Matcher m = PREFER.matcher(prefer.get());
        if (!m.find()) {
            return UTC;
        }
        String name = m.group(1).trim();
        return zoneNamed(name).map(z -> new TimeZonePreference(name, z, true)).orElse(UTC);
    }

    public static Optional<ZoneId> zoneNamed(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Optional<ZoneId> windows = WindowsZones.toZone(name);
        if (windows.isPresent()) {
            return windows;
        }
        try {
            return Optional.of(ZoneId.of(name));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Graph's local date-time with seven fraction digits, e.g. 2026-12-07T09:00:00.0000000. */
    public String format(Instant instant) {
        return GRAPH_LOCAL.format(instant.atZone(zone).toLocalDateTime());
    }

    /** A {@code dateTime} of a dateTimeTimeZone: local in {@code timeZone}, unless it carries an offset. */
    public static Instant parse(String dateTime, String timeZone) {
        try {
            return OffsetDateTime.parse(dateTime).toInstant();
        } catch (DateTimeParseException ignored) {
            // local date-time: read it in the given zone
        }
        ZoneId zone = zoneNamed(timeZone == null ? "UTC" : timeZone).orElseThrow(() -> new GraphError(400,
                "TimeZoneNotSupportedException", "A valid TimeZone value must be specified. The following TimeZone value is "
                + "not supported: '" + timeZone + "'."));
        try {
            return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw GraphError.badRequest("Cannot convert the literal '" + dateTime + "' to the expected type 'Edm.DateTimeOffset'.");
        }
    }

    /** A startDateTime/endDateTime query value: ISO 8601, UTC when it has no offset. */
    public static Instant parseQueryDateTime(String name, Optional<String> value) {
        String v = value.orElseThrow(() -> new GraphError(400, "ErrorInvalidParameter",
                "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime."));
        return parse(v.trim().replace(' ', '+'), "UTC");
    }
}
