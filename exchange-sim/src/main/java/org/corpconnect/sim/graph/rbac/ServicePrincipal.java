package org.corpconnect.sim.graph.rbac;

import java.util.Objects;

/** Exchange's pointer to an Entra app ({@code New-ServicePrincipal -AppId -ObjectId -DisplayName}). */
public record ServicePrincipal(String appId, String objectId, String displayName) {
    public ServicePrincipal {
        Objects.requireNonNull(appId);
        Objects.requireNonNull(objectId);
        Objects.requireNonNull(displayName);
    }
}
