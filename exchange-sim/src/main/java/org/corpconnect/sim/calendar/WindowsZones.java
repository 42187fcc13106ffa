package org.corpconnect.sim.calendar;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Windows time zone ids, as EWS names zones in TimeZoneContext and StartTimeZone, and their IANA
 * equivalents (the territory-001 mappings of CLDR's windowsZones.xml for the most used zones).
 */
public final class WindowsZones {
    private static final Map<String, String> TO_IANA = Map.ofEntries(
            Map.entry("UTC", "UTC"),
            Map.entry("GMT Standard Time", "Europe/London"),
            Map.entry("Greenwich Standard Time", "Atlantic/Reykjavik"),
            Map.entry("W. Europe Standard Time", "Europe/Berlin"),
            Map.entry("Central Europe Standard Time", "Europe/Budapest"),
            Map.entry("Romance Standard Time", "Europe/Paris"),
            Map.entry("Central European Standard Time", "Europe/Warsaw"),
            Map.entry("E. Europe Standard Time", "Europe/Chisinau"),
            Map.entry("FLE Standard Time", "Europe/Kiev"),
            Map.entry("GTB Standard Time", "Europe/Bucharest"),
            Map.entry("Russian Standard Time", "Europe/Moscow"),
            Map.entry("Turkey Standard Time", "Europe/Istanbul"),
            Map.entry("Israel Standard Time", "Asia/Jerusalem"),
            Map.entry("South Africa Standard Time", "Africa/Johannesburg"),
            Map.entry("Egypt Standard Time", "Africa/Cairo"),
            Map.entry("Arabian Standard Time", "Asia/Dubai"),
            Map.entry("Arab Standard Time", "Asia/Riyadh"),
            Map.entry("Pakistan Standard Time", "Asia/Karachi"),
            Map.entry("India Standard Time", "Asia/Calcutta"),
            Map.entry("Bangladesh Standard Time", "Asia/Dhaka"),
            Map.entry("SE Asia Standard Time", "Asia/Bangkok"),
            Map.entry("China Standard Time", "Asia/Shanghai"),
            Map.entry("Singapore Standard Time", "Asia/Singapore"),
            Map.entry("Taipei Standard Time", "Asia/Taipei"),
            Map.entry("Tokyo Standard Time", "Asia/Tokyo"),
            Map.entry("Korea Standard Time", "Asia/Seoul"),
            Map.entry("AUS Eastern Standard Time", "Australia/Sydney"),
            Map.entry("E. Australia Standard Time", "Australia/Brisbane"),
            Map.entry("Cen. Australia Standard Time", "Australia/Adelaide"),
            Map.entry("W. Australia Standard Time", "Australia/Perth"),
            Map.entry("New Zealand Standard Time", "Pacific/Auckland"),
            Map.entry("Hawaiian Standard Time", "Pacific/Honolulu"),
            Map.entry("Alaskan Standard Time", "America/Anchorage"),
            Map.entry("Pacific Standard Time", "America/Los_Angeles"),
            Map.entry("US Mountain Standard Time", "America/Phoenix"),
            Map.entry("Mountain Standard Time", "America/Denver"),
            Map.entry("Central Standard Time", "America/Chicago"),
            Map.entry("Eastern Standard Time", "America/New_York"),
            Map.entry("Atlantic Standard Time", "America/Halifax"),
            Map.entry("Newfoundland Standard Time", "America/St_Johns"),
            Map.entry("E. South America Standard Time", "America/Sao_Paulo"),
            Map.entry("Argentina Standard Time", "America/Buenos_Aires"),
            Map.entry("SA Pacific Standard Time", "America/Bogota"),
            Map.entry("Central Standard Time (Mexico)", "America/Mexico_City"),
            Map.entry("Canada Central Standard Time", "America/Regina"));

    private WindowsZones() {
    }

    /** The Windows ids the simulator knows, sorted. */
    public static List<String> windowsIds() {
        return TO_IANA.keySet().stream().sorted().toList();
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

    /** The Windows id of a zone; an alias (Asia/Kolkata for Asia/Calcutta) is found by its rules. */
    public static String toWindowsId(ZoneId zone) {
        return TO_IANA.entrySet().stream().filter(e -> e.getValue().equals(zone.getId())).map(Map.Entry::getKey)
                .findFirst()
                .or(() -> TO_IANA.entrySet().stream()
                        .filter(e -> ZoneId.of(e.getValue()).getRules().equals(zone.getRules()))
                        .map(Map.Entry::getKey).sorted().findFirst())
                .orElse("UTC");
    }
}
