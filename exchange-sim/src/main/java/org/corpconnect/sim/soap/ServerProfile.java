package org.corpconnect.sim.soap;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Exchange the simulator claims to be: the build it reports in ServerVersionInfo, the newest
 * schema version it knows, and how it refuses a RequestServerVersion it does not know. Clients
 * negotiate by starting with the newest version they know and stepping down on that refusal
 * (exchangelib tries every version it has; the Managed API ports take a fixed one).
 *
 * <ul>
 * <li>Exchange Online reports 15.20 and {@code V2018_01_08}, the last value of the schema it serves.
 * An unknown version is an {@code ErrorInvalidServerVersion} fault, "The specified server version is
 * invalid." (the answer captured from Exchange in Ericsson/exchangecalendar#377 and php-ews#346; that
 * Exchange Online answers with this code is inferred from exchangelib#221, which fell back from
 * "Exchange2017" there).</li>
 * <li>Exchange 2019 (CU14, build 15.2.1544.4) reports {@code V2017_07_11} (exchangelib#1301) and
 * refuses anything newer, including the schema value {@code V2018_01_08} and the string
 * "Exchange2019", with an {@code ErrorInvalidRequest} fault, "The request is invalid."
 * (exchangelib#927, ews-javascript-api#441).</li>
 * </ul>
 */
public enum ServerProfile {
    EXCHANGE_ONLINE(15, 20, 8000, 0, ExchangeVersion.V2018_01_08,
            "ErrorInvalidServerVersion", "The specified server version is invalid."),
    EXCHANGE_2019(15, 2, 1544, 4, ExchangeVersion.V2017_07_11,
            "ErrorInvalidRequest", "The request is invalid.");

    private final int major;
    private final int minor;
    private final int majorBuild;
    private final int minorBuild;
    private final ExchangeVersion newest;
    private final String refusalCode;
    private final String refusalMessage;

    ServerProfile(int major, int minor, int majorBuild, int minorBuild, ExchangeVersion newest, String refusalCode,
                  String refusalMessage) {
        this.major = major;
        this.minor = minor;
        this.majorBuild = majorBuild;
        this.minorBuild = minorBuild;
        this.newest = newest;
        this.refusalCode = refusalCode;
        this.refusalMessage = refusalMessage;
    }

    /** "online" or "2019", as the command line names them. */
    public static ServerProfile parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "online", "exchange-online", "exchange_online" -> EXCHANGE_ONLINE;
            case "2019", "exchange2019", "exchange-2019", "exchange_2019" -> EXCHANGE_2019;
            default -> throw new IllegalArgumentException("unknown server version " + name + " (online or 2019)");
        };
    }

    /**
     * The version a request asked for, if this server knows it; otherwise the fault this server
     * answers with. The check comes before schema validation, as on Exchange, so an unknown value
     * never turns into ErrorSchemaValidation.
     */
    public ExchangeVersion negotiate(String requested) {
        Optional<ExchangeVersion> known = Arrays.stream(ExchangeVersion.values())
                .filter(v -> v.name().equals(requested)).findFirst();
        if (known.isEmpty() || !newest.atLeast(known.get())) {
            throw new EwsFault(refusalCode, refusalMessage);
        }
        return known.get();
    }

    /** On-premises Exchange authenticates EWS with Windows authentication (NTLM, Negotiate) by default. */
    public boolean onPremises() {
        return this == EXCHANGE_2019;
    }

    public ExchangeVersion newest() {
        return newest;
    }

    /** Writes the h:ServerVersionInfo header element with the given prefix declaration. */
    void writeServerVersionInfo(XmlWriter w, String element, String namespaceAttribute) {
        w.start(element).attr(namespaceAttribute, Ews.TYPES)
                .attr("MajorVersion", major).attr("MinorVersion", minor).attr("MajorBuildNumber", majorBuild)
                .attr("MinorBuildNumber", minorBuild).attr("Version", newest.name()).end();
    }
}
