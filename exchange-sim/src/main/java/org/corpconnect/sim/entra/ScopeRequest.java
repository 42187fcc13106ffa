package org.corpconnect.sim.entra;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code scope} parameter of a request, read as Entra reads it: OpenID Connect scopes
 * ({@code openid profile email offline_access}), and permissions of one resource, written with the
 * resource's URI ({@code https://graph.microsoft.com/Calendars.ReadWrite.Shared}) or bare for Graph.
 * {@code {resource}/.default} asks for what the app was granted.
 */
public record ScopeRequest(Resource resource, Set<String> permissions, boolean defaultScope, boolean openid,
                           boolean offlineAccess, Set<String> raw) {
    private static final Set<String> OIDC = Set.of("openid", "profile", "email", "offline_access");

    public static boolean isOidc(String scope) {
        return OIDC.contains(scope);
    }

    public static ScopeRequest parse(String scope) {
        Set<String> raw = new LinkedHashSet<>();
        Set<String> permissions = new LinkedHashSet<>();
        Resource resource = null;
        boolean dflt = false;
        for (String s : scope == null ? new String[0] : scope.trim().split("\\s+")) {
            if (s.isEmpty()) {
                continue;
            }
            raw.add(s);
            if (OIDC.contains(s)) {
                continue;
            }
            int slash = s.lastIndexOf('/');
            String resourceId = slash < 0 ? Resource.GRAPH.uri() : s.substring(0, slash);
            String permission = slash < 0 ? s : s.substring(slash + 1);
            Resource r = Resource.of(resourceId).orElseThrow(() -> EntraError.invalidRequest(500011,
                    "The resource principal named " + resourceId + " was not found in the tenant."));
            if (resource != null && resource != r) {
                throw EntraError.invalidRequest(28000, "Provided value for the input parameter scope is not valid"
                        + " because it contains more than one resource. Scope " + scope + " is not valid.");
            }
            resource = r;
            if (permission.equals(".default")) {
                dflt = true;
            } else {
                permissions.add(permission);
            }
        }
        return new ScopeRequest(resource, Set.copyOf(permissions), dflt, raw.contains("openid"),
                raw.contains("offline_access"), Set.copyOf(raw));
    }
}
