package org.corpconnect.sim.entra;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * An Entra ID tenant: its id (a GUID, the {@code tid} claim), a short name and its verified domain.
 * An authority path may name it by any of the three, as Entra accepts both the id and a domain.
 */
public record Tenant(String id, String name, String domain) {
    public Tenant {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(domain);
    }

    /** A tenant whose id is derived from its name, the same in every run (for data sets without one). */
    public static Tenant named(String name, String domain) {
        return new Tenant(UUID.nameUUIDFromBytes(("tenant:" + name.toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)).toString(), name, domain);
    }

    public boolean isNamedBy(String pathSegment) {
        return id.equalsIgnoreCase(pathSegment) || name.equalsIgnoreCase(pathSegment) || domain.equalsIgnoreCase(pathSegment);
    }
}
