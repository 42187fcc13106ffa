package org.corpconnect.sim.entra;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An app registration of a tenant, with what a client proves (secrets, certificates), where sign-ins may
 * return (redirect URIs, loopback ports ignored as Entra does for {@code http://localhost}), whether it is
 * also a public client (authorization code with PKCE and no credential), and the Graph application
 * permissions it asks for ({@code Calendars.ReadWrite}): asking is not having, an admin's tenant-wide
 * consent grants them ({@link EntraDirectory#grantAdminConsent}).
 */
public record AppRegistration(String clientId, String tenantId, String displayName, List<String> secrets,
                              List<X509Certificate> certificates, Set<String> redirectUris, boolean publicClient,
                              Set<String> applicationPermissions) {
    public AppRegistration {
        Objects.requireNonNull(clientId);
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(displayName);
        secrets = List.copyOf(secrets);
        certificates = List.copyOf(certificates);
        redirectUris = Set.copyOf(redirectUris);
        applicationPermissions = Set.copyOf(applicationPermissions);
    }

    public AppRegistration withCertificate(X509Certificate certificate) {
        List<X509Certificate> all = new java.util.ArrayList<>(certificates);
        all.add(certificate);
        return new AppRegistration(clientId, tenantId, displayName, secrets, all, redirectUris, publicClient,
                applicationPermissions);
    }

    public AppRegistration withRedirectUri(String uri) {
        Set<String> all = new java.util.LinkedHashSet<>(redirectUris);
        all.add(uri);
        return new AppRegistration(clientId, tenantId, displayName, secrets, certificates, all, publicClient,
                applicationPermissions);
    }

    /** Exact match, except that an http loopback URI matches on any port (Entra's rule for native apps). */
    public boolean allowsRedirect(String uri) {
        if (redirectUris.contains(uri)) {
            return true;
        }
        String loose = withoutLoopbackPort(uri);
        return loose != null && redirectUris.stream().map(AppRegistration::withoutLoopbackPort).anyMatch(loose::equals);
    }

    private static String withoutLoopbackPort(String uri) {
        try {
            java.net.URI u = java.net.URI.create(uri);
            if (!"http".equals(u.getScheme()) || !("localhost".equals(u.getHost()) || "127.0.0.1".equals(u.getHost()))) {
                return null;
            }
            return "http://" + u.getHost() + (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "AppRegistration[" + clientId + ", " + displayName + ", secrets=" + secrets.size() + " (********)"
                + ", certificates=" + certificates.size() + "]";
    }
}
