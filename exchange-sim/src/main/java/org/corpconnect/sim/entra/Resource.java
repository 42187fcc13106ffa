package org.corpconnect.sim.entra;

import java.util.Locale;
import java.util.Optional;

/** The APIs a token may be for, by their application id URI and their well-known application id. */
public enum Resource {
    GRAPH("https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000"),
    EXCHANGE("https://outlook.office365.com", "00000002-0000-0ff1-ce00-000000000000");

    private final String uri;
    private final String appId;

    Resource(String uri, String appId) {
        this.uri = uri;
        this.appId = appId;
    }

    public String uri() {
        return uri;
    }

    public String appId() {
        return appId;
    }

    /** By URI (with or without the trailing slash; outlook.office.com is Exchange too) or by application id. */
    public static Optional<Resource> of(String identifier) {
        String id = identifier.toLowerCase(Locale.ROOT);
        while (id.endsWith("/")) {
            id = id.substring(0, id.length() - 1);
        }
        for (Resource r : values()) {
            if (r.uri.equals(id) || r.appId.equals(id)) {
                return Optional.of(r);
            }
        }
        return id.equals("https://outlook.office.com") ? Optional.of(EXCHANGE) : Optional.empty();
    }
}
