package org.corpconnect.sim.calendar;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Windows time zone ids, as EWS names zones in TimeZoneContext and StartTimeZone, and their IANA
 * equivalents (from CLDR's windowsZones.xml, the zones the demo and common clients use).
 */
public final class WindowsZones {
    private static final Map<String, String> TO_IANA = Map.ofEntries(
            Map.entry("UTC", "UTC"),
            Map.entry("GMT Standard Time", "Europe/London"),
            Map.entry("W. Europe Standard Time", "Europe/Berlin"),
            Map.entry("Central Europe Standard Time", "Europe/Budapest"),
            Map.entry("Romance Standard Time", "Europe/Paris"),
            Map.entry("Central European Standard Time", "Europe/Warsaw"),
            Map.entry("E. Europe Standard Time", "Europe/Chisinau"),
            Map.entry("FLE Standard Time", "Europe/Kiev"),
            Map.entry("Eastern Standard Time", "America/New_York"),
            Map.entry("Central Standard Time", "America/Chicago"),
            Map.entry("Mountain Standard Time", "America/Denver"),
            Map.entry("Pacific Standard Time", "America/Los_Angeles"),
            Map.entry("Tokyo Standard Time", "Asia/Tokyo"),
            Map.entry("India Standard Time", "Asia/Calcutta"),
            Map.entry("China Standard Time", "Asia/Shanghai"),
            Map.entry("Singapore Standard Time", "Asia/Singapore"),
            Map.entry("AUS Eastern Standard Time", "Australia/Sydney"));

    private WindowsZones() {
    }

    public static Optional<ZoneId> toZone(String windowsId) {
        if (windowsId == null) {
            return Optional.empty();
        }
        String iana = TO_IANA.get(windowsId);
        if (iana != null) {
            return Optional.of(ZoneId.of(iana));
        }
        try {
            return Optional.of(ZoneId.of(windowsId)); // some clients send IANA ids
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    public static String toWindowsId(ZoneId zone) {
        return TO_IANA.entrySet().stream().filter(e -> e.getValue().equals(zone.getId())).map(Map.Entry::getKey)
                .findFirst().orElse("UTC");
    }
}
