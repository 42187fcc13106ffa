package org.corpconnect.sim.entra;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpconnect.sim.auth.TokenService;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.MailboxAddress;

/**
 * The simulated Entra ID as the simulator holds it: its directory of tenants and apps, its tokens and
 * sign-in grants, and the HTTP endpoints under {@code /{tenant}/...} that {@link #serves} names.
 */
public final class Entra {
    private static final Pattern ROUTE = Pattern.compile(
            "^/([^/]+)/(oauth2/v2\\.0/token|oauth2/v2\\.0/authorize|v2\\.0/\\.well-known/openid-configuration|discovery/v2\\.0/keys)/?$",
            Pattern.CASE_INSENSITIVE);

    private final EntraDirectory directory;
    private final AccessTokens tokens;
    private final SignInGrants grants;
    private final SignInLog signInLog = new SignInLog();
    private final TokenEndpoint tokenEndpoint;
    private final AuthorizeEndpoint authorizeEndpoint;
    private final MetadataEndpoint metadata;

    public Entra(Directory organisation, TokenService ewsTokens, Clock clock) {
        this.directory = new EntraDirectory(organisation, clock);
        this.tokens = new AccessTokens(clock);
        this.grants = new SignInGrants(clock);
        this.tokenEndpoint = new TokenEndpoint(organisation, directory, tokens, grants, ewsTokens, signInLog, clock);
        this.authorizeEndpoint = new AuthorizeEndpoint(organisation, directory, grants, signInLog, clock);
        this.metadata = new MetadataEndpoint(directory, tokens);
    }

    public static boolean serves(String path) {
        return ROUTE.matcher(path).matches();
    }

    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher m = ROUTE.matcher(exchange.getRequestURI().getPath());
            if (!m.matches()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String tenant = m.group(1);
            switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
                case "oauth2/v2.0/token" -> tokenEndpoint.handle(exchange, tenant);
                case "oauth2/v2.0/authorize" -> authorizeEndpoint.handle(exchange, tenant);
                case "v2.0/.well-known/openid-configuration" -> metadata.openidConfiguration(exchange, tenant);
                default -> metadata.keys(exchange);
            }
        }
    }

    public EntraDirectory directory() {
        return directory;
    }

    /** Checks Graph access tokens: what the Graph endpoints ask. */
    public AccessTokens tokens() {
        return tokens;
    }

    public SignInGrants grants() {
        return grants;
    }

    /** Every token request and sign-in page password, with app, user and outcome (Entra's sign-in logs). */
    public SignInLog signInLog() {
        return signInLog;
    }

    /** An admin password reset or "revoke sessions": the user's refresh tokens answer invalid_grant from now on. */
    public void revokeSessions(MailboxAddress user) {
        directory.revokeSessions(user);
    }

    /** Forgets every tenant, app, consent, session and grant, before a data set is loaded. */
    public void clear() {
        directory.clear();
        grants.clear();
        signInLog.clear();
    }
}
