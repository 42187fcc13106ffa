package org.corpconnect.exchange.graph;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Graph's {@code dateTimeTimeZone}. The gateway always asks for UTC ({@code Prefer: outlook.timezone="UTC"})
 * and writes UTC, so a time it reads is a UTC wall time.
 */
public record GraphTime(String dateTime, String timeZone) {

    private static final DateTimeFormatter WALL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    static GraphTime utc(Instant instant) {
        return new GraphTime(WALL_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)), "UTC");
    }

    Instant toInstant() {
        if (timeZone != null && !timeZone.equalsIgnoreCase("UTC") && !timeZone.equalsIgnoreCase("Etc/UTC")) {
            throw new IllegalArgumentException("Asked for UTC, Graph answered in " + timeZone + ".");
        }
        return LocalDateTime.parse(dateTime).toInstant(ZoneOffset.UTC);
    }
}
