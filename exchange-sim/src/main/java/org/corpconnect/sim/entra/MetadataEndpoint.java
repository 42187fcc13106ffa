package org.corpconnect.sim.entra;

import static org.corpconnect.sim.SimJson.JSON;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

/**
 * The OpenID Connect metadata of a tenant ({@code /{tenant}/v2.0/.well-known/openid-configuration}) and
 * its signing keys ({@code /{tenant}/discovery/v2.0/keys}), stated for the listener the client reached,
 * so a client given the authority (MSAL with instance discovery off, or any OIDC client) finds
 * everything else here and never asks Microsoft.
 */
final class MetadataEndpoint {
    private final EntraDirectory entra;
    private final AccessTokens tokens;

    MetadataEndpoint(EntraDirectory entra, AccessTokens tokens) {
        this.entra = entra;
        this.tokens = tokens;
    }

    void openidConfiguration(HttpExchange exchange, String tenantSegment) throws IOException {
        Tenant tenant = entra.tenant(tenantSegment).orElse(null);
        if (tenant == null) {
            EntraHttp.json(exchange, 400, EntraError.invalidRequest(90002, "Tenant '" + tenantSegment + "' not found.")
                    .toJson(java.time.Instant.now()));
            return;
        }
        String base = EntraHttp.baseUrl(exchange);
        String authority = base + "/" + tenant.id();
        JsonObject body = JSON.createObjectBuilder()
                .add("token_endpoint", authority + "/oauth2/v2.0/token")
                .add("token_endpoint_auth_methods_supported", strings("client_secret_post", "private_key_jwt", "client_secret_basic"))
                .add("jwks_uri", authority + "/discovery/v2.0/keys")
                .add("response_modes_supported", strings("query"))
                .add("subject_types_supported", strings("pairwise"))
                .add("id_token_signing_alg_values_supported", strings("RS256"))
                .add("response_types_supported", strings("code"))
                .add("scopes_supported", strings("openid", "profile", "email", "offline_access"))
                .add("issuer", authority + "/v2.0")
                .add("request_uri_parameter_supported", false)
                .add("authorization_endpoint", authority + "/oauth2/v2.0/authorize")
                .add("http_logout_supported", false)
                .add("frontchannel_logout_supported", false)
                .add("claims_supported", strings("sub", "iss", "aud", "exp", "iat", "nbf", "name", "nonce", "oid",
                        "preferred_username", "tid", "ver"))
                .add("tenant_region_scope", "EU")
                .add("cloud_instance_name", "microsoftonline.com")
                .add("msgraph_host", "graph.microsoft.com")
                .build();
        EntraHttp.json(exchange, 200, body);
    }

    void keys(HttpExchange exchange) throws IOException {
        String json = com.nimbusds.jose.util.JSONObjectUtils.toJSONString(tokens.jwks());
        EntraHttp.json(exchange, 200, JSON.createReader(new StringReader(json)).readObject());
    }

    private static JsonArrayBuilder strings(String... values) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        List.of(values).forEach(a::add);
        return a;
    }
}
