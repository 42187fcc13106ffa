package org.corpconnect.connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Microsoft Graph and Entra ID are, for every account on Graph: the operator's choice
 * ({@code graph.endpoint}, {@code graph.authority-host}), Microsoft's global cloud by default, a national
 * cloud or the simulator otherwise. An account admin types a tenant and an app, never a URL, so no
 * admin can make the server call a host of their choosing through a Graph connection.
 */
@ApplicationScoped
public class GraphCloud {

    public static final String MICROSOFT_GRAPH = "https://graph.microsoft.com/v1.0";
    public static final String MICROSOFT_ENTRA = "https://login.microsoftonline.com";

    @Inject
    @ConfigProperty(name = "graph.endpoint", defaultValue = MICROSOFT_GRAPH)
    String endpoint;

    @Inject
    @ConfigProperty(name = "graph.authority-host", defaultValue = MICROSOFT_ENTRA)
    String authorityHost;

    /** Graph's versioned base URL, without a trailing slash. */
    public URI endpoint() {
        return URI.create(strip(endpoint));
    }

    /** The Entra ID authority of a tenant (its id or a verified domain): {@code https://host/{tenant}/}. */
    public URI authority(String tenant) {
        return URI.create(strip(authorityHost) + "/" + tenant + "/");
    }

    /**
     * Where an admin of the tenant grants the app's permissions tenant-wide (Entra ID's admin-consent
     * URL, "Grant tenant-wide admin consent to an application"): for an app not yet known in the tenant.
     */
    public URI adminConsentUrl(String tenant, String clientId) {
        return adminConsentUrl(authority(tenant), clientId);
    }

    /** The admin-consent URL at a tenant's authority {@code https://host/{tenant}/}. */
    public static URI adminConsentUrl(URI authority, String clientId) {
        String base = authority.toString().endsWith("/") ? authority.toString() : authority + "/";
        return URI.create(base + "adminconsent?client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
    }

    private static String strip(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
