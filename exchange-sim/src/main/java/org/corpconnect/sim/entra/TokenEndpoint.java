package org.corpconnect.sim.entra;

import static org.corpconnect.sim.SimJson.JSON;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.corpconnect.sim.auth.TokenService;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.entra.ClientAuthentication.Client;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token}: the client-credentials grant (secret or certificate) for Graph
 * and for Exchange (EWS), the authorization-code grant with PKCE and the refresh-token grant, which
 * rotates the refresh token. Every refusal is an {@link EntraError}.
 */
final class TokenEndpoint {
    private final Directory directory;
    private final EntraDirectory entra;
    private final AccessTokens tokens;
    private final SignInGrants grants;
    private final TokenService ewsTokens;
    private final ClientAuthentication clients;
    private final SignInLog log;
    private final Clock clock;

    TokenEndpoint(Directory directory, EntraDirectory entra, AccessTokens tokens, SignInGrants grants,
                  TokenService ewsTokens, SignInLog log, Clock clock) {
        this.directory = directory;
        this.entra = entra;
        this.tokens = tokens;
        this.grants = grants;
        this.ewsTokens = ewsTokens;
        this.clients = new ClientAuthentication(entra, clock);
        this.log = log;
        this.clock = clock;
    }

    /** What the request was about, filled in as it is understood, for the sign-in log. */
    private static final class Attempt {
        String clientId;
        String flow;
        String mailbox;
        String resource = Resource.GRAPH.uri();
        String credential;
    }

    void handle(HttpExchange exchange, String tenantSegment) throws IOException {
        Attempt attempt = new Attempt();
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                throw EntraError.invalidRequest(900561, "The endpoint only accepts POST, OPTIONS requests. Received a "
                        + exchange.getRequestMethod() + " request.");
            }
            Map<String, String> form = EntraHttp.body(exchange);
            attempt.clientId = form.get("client_id");
            attempt.flow = form.get("grant_type");
            Tenant tenant = tenant(tenantSegment);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String grant = form.get("grant_type");
            if (grant == null) {
                throw EntraError.invalidRequest(900144, "The request body must contain the following parameter: 'grant_type'.");
            }
            JsonObjectBuilder answer = switch (grant) {
                case "client_credentials" -> clientCredentials(tenant, form,
                        authenticated(attempt, clients.authenticate(tenant, form, authorization, false)), attempt);
                case "authorization_code" -> authorizationCode(exchange, tenant, form,
                        authenticated(attempt, clients.authenticate(tenant, form, authorization, true)), attempt);
                case "refresh_token" -> refresh(exchange, tenant, form,
                        authenticated(attempt, clients.authenticate(tenant, form, authorization, true)), attempt);
                default -> throw new EntraError(400, "unsupported_grant_type", 70003,
                        "The app requested an unsupported grant type '" + grant + "'.");
            };
            EntraHttp.json(exchange, 200, answer.build());
            record(tenantSegment, attempt, null);
        } catch (EntraError e) {
            record(tenantSegment, attempt, e);
            if (e.httpStatus() == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + tenantSegment + "\"");
            }
            EntraHttp.json(exchange, e.httpStatus(), e.toJson(clock.instant()));
        }
    }

    private static Client authenticated(Attempt attempt, Client client) {
        attempt.clientId = client.app().clientId();
        attempt.credential = client.proof().name().toLowerCase(java.util.Locale.ROOT);
        return client;
    }

    private void record(String tenant, Attempt a, EntraError failure) {
        log.add(new SignInLog.Entry(clock.instant(), tenant, a.clientId, a.flow, Optional.ofNullable(a.mailbox),
                a.resource, a.credential, failure == null, Optional.ofNullable(failure).map(EntraError::aadsts)));
    }

    private Tenant tenant(String segment) {
        return entra.tenant(segment).orElseThrow(() -> EntraError.invalidRequest(90002, "Tenant '" + segment
                + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."));
    }

    private JsonObjectBuilder clientCredentials(Tenant tenant, Map<String, String> form, Client client, Attempt attempt) {
        String scope = form.get("scope");
        if (scope == null || scope.isBlank()) {
            throw EntraError.invalidRequest(900144, "The request body must contain the following parameter: 'scope'.");
        }
        ScopeRequest request = ScopeRequest.parse(scope);
        // OpenID Connect scopes (MSAL adds them to every request) mean nothing here and are ignored, as by Entra.
        long resourceScopes = request.raw().stream().filter(s -> !ScopeRequest.isOidc(s)).count();
        if (!request.defaultScope() || !request.permissions().isEmpty() || resourceScopes != 1) {
            throw EntraError.invalidScope(1002012, "The provided value for scope " + scope + " is not valid. Client"
                    + " credential flows must have a scope value with /.default suffixed to the resource identifier"
                    + " (application ID URI).");
        }
        AppRegistration app = client.app();
        attempt.resource = request.resource().uri();
        if (request.resource() == Resource.EXCHANGE) {
            Optional<Directory.Application> ews = directory.application(app.clientId());
            if (ews.isPresent()) {
                long lifetime = TokenService.LIFETIME.toSeconds();
                return JSON.createObjectBuilder().add("token_type", "Bearer").add("expires_in", lifetime)
                        .add("ext_expires_in", lifetime).add("access_token", ewsTokens.issueFor(ews.get()));
            }
            // Entra issues it without roles; EWS, which knows only its own applications' tokens, answers 401.
            return bearer(tokens.appOnly(tenant, app, Resource.EXCHANGE, EntraDirectory.servicePrincipalId(app.clientId()),
                    Set.of(), client.proof()));
        }
        Set<String> roles = new LinkedHashSet<>(entra.applicationPermissionsGranted(app.clientId()));
        roles.remove(EntraDirectory.FULL_ACCESS_AS_APP);
        String token = tokens.appOnly(tenant, app, Resource.GRAPH, EntraDirectory.servicePrincipalId(app.clientId()), roles,
                client.proof());
        return bearer(token);
    }

    private JsonObjectBuilder bearer(String accessToken) {
        long lifetime = AccessTokens.LIFETIME.toSeconds();
        return JSON.createObjectBuilder().add("token_type", "Bearer").add("expires_in", lifetime)
                .add("ext_expires_in", lifetime).add("access_token", accessToken);
    }

    private JsonObjectBuilder authorizationCode(HttpExchange exchange, Tenant tenant, Map<String, String> form, Client client,
                                                Attempt attempt) {
        SignInGrants.Code code = grants.redeemCode(form.get("code"));
        SignInGrants.Grant grant = code.grant();
        attempt.mailbox = grant.user().value();
        if (!grant.clientId().equals(client.app().clientId()) || !grant.tenantId().equals(tenant.id())) {
            throw EntraError.invalidGrant(70000, "The provided authorization code was issued to a different client or tenant.");
        }
        if (!code.redirectUri().equals(form.get("redirect_uri"))) {
            throw EntraError.invalidGrant(70000, "The provided value for the input parameter 'redirect_uri' does not"
                    + " match the redirect URI of the authorization request.");
        }
        if (code.codeChallenge() != null && !pkceMatches(code, form.get("code_verifier"))) {
            throw EntraError.invalidGrant(501481, "The Code_Verifier does not match the code_challenge supplied in the"
                    + " authorization request.");
        }
        return userTokens(exchange, tenant, client, grant, code.nonce(), form);
    }

    private static boolean pkceMatches(SignInGrants.Code code, String verifier) {
        if (verifier == null || verifier.length() < 43 || verifier.length() > 128) {
            return false;
        }
        if ("plain".equals(code.codeChallengeMethod())) {
            return MessageDigest.isEqual(verifier.getBytes(StandardCharsets.US_ASCII),
                    code.codeChallenge().getBytes(StandardCharsets.US_ASCII));
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    code.codeChallenge().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonObjectBuilder refresh(HttpExchange exchange, Tenant tenant, Map<String, String> form, Client client,
                                      Attempt attempt) {
        String token = form.get("refresh_token");
        if (token == null || token.isBlank()) {
            throw EntraError.invalidRequest(900144, "The request body must contain the following parameter: 'refresh_token'.");
        }
        SignInGrants.Grant grant = grants.redeemRefreshToken(token, client.app().clientId(), tenant.id())
                .orElseThrow(() -> EntraError.invalidGrant(70000, "Provided grant is invalid or malformed."));
        attempt.mailbox = grant.user().value();
        if (form.containsKey("scope")) {
            ScopeRequest asked = ScopeRequest.parse(form.get("scope"));
            if (asked.resource() != null && asked.resource() != Resource.GRAPH
                    || !entra.userConsent(grant.clientId(), grant.user()).containsAll(asked.permissions())) {
                throw EntraError.invalidGrant(65001, "The user or administrator has not consented to use the application"
                        + " with ID '" + client.app().clientId() + "' named '" + client.app().displayName()
                        + "'. Send an interactive authorization request for this user and resource.");
            }
        }
        return userTokens(exchange, tenant, client, grant, null, form);
    }

    private JsonObjectBuilder userTokens(HttpExchange exchange, Tenant tenant, Client client, SignInGrants.Grant grant,
                                         String nonce, Map<String, String> form) {
        if (!entra.sessionValid(grant.user(), grant.signedInAt())) {
            throw EntraError.invalidGrant(50173, "The provided grant has expired due to it being revoked, a fresh auth"
                    + " token is needed. The user might have changed or reset their password. The grant was issued on '"
                    + grant.signedInAt() + "' and the TokensValidFrom date (before which tokens are not valid) for this"
                    + " user is '" + entra.sessionsValidAfter(grant.user()).orElseThrow() + "'.");
        }
        Mailbox user = directory.find(grant.user()).orElseThrow(() -> EntraError.invalidGrant(50034,
                "The user account " + grant.user() + " does not exist in the " + tenant.name() + " directory."));
        String oid = entra.objectId(user.address());
        JsonObjectBuilder answer = bearer(tokens.delegated(tenant, client.app(), user, oid, grant.scopes(), client.proof()))
                .add("scope", grant.scopes().stream().map(s -> Resource.GRAPH.uri() + "/" + s).collect(Collectors.joining(" ")));
        if (grant.offlineAccess()) {
            answer.add("refresh_token", grants.issueRefreshToken(grant));
        }
        if (grant.openid()) {
            answer.add("id_token", tokens.idToken(EntraHttp.baseUrl(exchange) + "/" + tenant.id() + "/v2.0", tenant,
                    client.app(), user, oid, nonce));
        }
        if ("1".equals(form.get("client_info"))) {
            String info = JSON.createObjectBuilder().add("uid", oid).add("utid", tenant.id()).build().toString();
            answer.add("client_info", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(info.getBytes(StandardCharsets.UTF_8)));
        }
        return answer;
    }
}
