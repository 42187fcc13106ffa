package org.corpconnect.sim.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth2 token endpoint of the simulated Entra ID tenant, {@code /{tenant}/oauth2/v2.0/token}:
 * the client-credentials grant only (app-only access with full_access_as_app, as Exchange Online
 * uses it), scope {@code https://outlook.office365.com/.default}. Errors follow RFC 6749 section 5.2.
 */
public final class TokenEndpoint implements HttpHandler {
    static final String EWS_SCOPE = "https://outlook.office365.com/.default";

    private final TokenService tokens;

    public TokenEndpoint(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String grant = form.get("grant_type");
            if (!"client_credentials".equals(grant)) {
                send(exchange, 400, error("unsupported_grant_type", "Only client_credentials is supported."));
                return;
            }
            String scope = form.getOrDefault("scope", "");
            if (!scope.endsWith("/.default")) {
                send(exchange, 400, error("invalid_scope", "The client-credentials flow needs a /.default scope, e.g. " + EWS_SCOPE));
                return;
            }
            String tenant = exchange.getRequestURI().getPath().split("/")[1];
            Optional<String> token = tokens.issue(form.get("client_id"), form.get("client_secret"), tenant);
            if (token.isEmpty()) {
                send(exchange, 401, error("invalid_client", "Client authentication failed."));
                return;
            }
            long lifetime = TokenService.LIFETIME.toSeconds();
            send(exchange, 200, Json.createObjectBuilder().add("token_type", "Bearer").add("expires_in", lifetime)
                    .add("ext_expires_in", lifetime).add("access_token", token.get()).build());
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static JsonObject error(String code, String description) {
        return Json.createObjectBuilder().add("error", code).add("error_description", description).build();
    }

    private static void send(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
