package org.corpconnect.sim.graph.rbac;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code New-ManagementRoleAssignment -App <sp> -Role "Application Calendars.ReadWrite"
 * [-CustomResourceScope <scope>]}: an application role for a service principal, over a scope or, without
 * one, the whole organisation.
 */
public record RoleAssignment(String name, String appId, String role, Optional<String> customResourceScope) {
    public static final String ROLE_PREFIX = "Application ";

    public RoleAssignment {
        Objects.requireNonNull(name);
        Objects.requireNonNull(appId);
        Objects.requireNonNull(customResourceScope);
        if (!role.startsWith(ROLE_PREFIX)) {
            throw new IllegalArgumentException("An application role is named 'Application <permission>', not '" + role + "'");
        }
    }

    /** The Graph permission the role grants, e.g. Calendars.ReadWrite. */
    public String permission() {
        return role.substring(ROLE_PREFIX.length());
    }
}
