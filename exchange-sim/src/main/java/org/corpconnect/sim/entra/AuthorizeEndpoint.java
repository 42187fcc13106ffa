package org.corpconnect.sim.entra;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.Mailbox;

/**
 * {@code /{tenant}/oauth2/v2.0/authorize}: the authorization-code flow's browser side. GET checks the
 * request and shows a sign-in page; posting a mailbox's user name and password (the fields {@code login}
 * and {@code passwd}, as on Microsoft's page) leads to a consent page when the user has not yet consented
 * to every asked permission; accepting it redirects to the app's redirect URI with {@code code} and
 * {@code state}. Only what follows a valid client and redirect URI is sent back to the app; anything
 * before that is an error page, as Entra does, so a forged redirect URI never receives anything.
 * The request waits between the steps server-side under an unguessable {@code ctx}, never the password.
 */
final class AuthorizeEndpoint {
    private static final Duration PENDING_LIFETIME = Duration.ofMinutes(15);
    private static final Set<String> RESPONSE_MODES = Set.of("query", "fragment", "form_post");

    private record Pending(Tenant tenant, AppRegistration app, String redirectUri, String responseMode,
                           ScopeRequest scopes, String state, String codeChallenge, String codeChallengeMethod,
                           String nonce, String loginHint, boolean forceConsent, Mailbox user, Instant signedInAt,
                           Instant expires) {
        Pending signedIn(Mailbox who, Instant at) {
            return new Pending(tenant, app, redirectUri, responseMode, scopes, state, codeChallenge, codeChallengeMethod,
                    nonce, loginHint, forceConsent, who, at, expires);
        }
    }

    private final Directory directory;
    private final EntraDirectory entra;
    private final SignInGrants grants;
    private final SignInLog log;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    AuthorizeEndpoint(Directory directory, EntraDirectory entra, SignInGrants grants, SignInLog log, Clock clock) {
        this.directory = directory;
        this.entra = entra;
        this.grants = grants;
        this.log = log;
        this.clock = clock;
    }

    void handle(HttpExchange exchange, String tenantSegment) throws IOException {
        String action = "/" + tenantSegment + "/oauth2/v2.0/authorize";
        try {
            switch (exchange.getRequestMethod()) {
                case "GET" -> start(exchange, tenantSegment, action,
                        EntraHttp.form(exchange.getRequestURI().getRawQuery()));
                case "POST" -> step(exchange, action, EntraHttp.body(exchange));
                default -> {
                    exchange.getResponseHeaders().set("Allow", "GET, POST");
                    exchange.sendResponseHeaders(405, -1);
                }
            }
        } catch (EntraError e) {
            EntraHttp.html(exchange, e.httpStatus() == 401 ? 400 : e.httpStatus(), errorPage(e));
        }
    }

    private void start(HttpExchange exchange, String tenantSegment, String action, Map<String, String> q) throws IOException {
        Tenant tenant = entra.tenant(tenantSegment).orElseThrow(() -> EntraError.invalidRequest(90002,
                "Tenant '" + tenantSegment + "' not found."));
        String clientId = required(q, "client_id");
        AppRegistration app = entra.application(tenant, clientId).orElseThrow(() -> EntraError.unauthorizedClient(700016,
                "Application with identifier '" + clientId + "' was not found in the directory '" + tenant.name() + "'."));
        String redirectUri = required(q, "redirect_uri");
        if (!app.allowsRedirect(redirectUri)) {
            throw EntraError.invalidRequest(50011, "The redirect URI '" + redirectUri + "' specified in the request does"
                    + " not match the redirect URIs configured for the application '" + clientId + "'. Make sure the"
                    + " redirect URI sent in the request matches one added to your application in the Azure portal.");
        }
        // From here on the app is known and its redirect URI trusted: errors go back to it.
        String state = q.get("state");
        String mode = q.getOrDefault("response_mode", "query");
        if (!RESPONSE_MODES.contains(mode)) {
            mode = "query";
        }
        try {
            if (!"code".equals(q.get("response_type"))) {
                throw new EntraError(400, "unsupported_response_type", 700054, "response_type '" + q.get("response_type")
                        + "' is not enabled for the application.");
            }
            ScopeRequest scopes = ScopeRequest.parse(q.get("scope"));
            if (scopes.raw().isEmpty()) {
                throw EntraError.invalidRequest(900144, "The request body must contain the following parameter: 'scope'.");
            }
            if (scopes.resource() == Resource.EXCHANGE) {
                throw EntraError.invalidScope(70011, "The provided value for the input parameter 'scope' is not valid:"
                        + " the simulated Exchange takes no delegated tokens; ask for Microsoft Graph permissions.");
            }
            String challenge = q.get("code_challenge");
            String method = q.get("code_challenge_method");
            if (challenge != null && method != null && !method.equals("S256") && !method.equals("plain")) {
                throw EntraError.invalidRequest(501491, "Invalid code_challenge_method.");
            }
            if ("none".equals(q.get("prompt"))) {
                throw new EntraError(400, "login_required", 50058, "A silent sign-in request was sent but no user is signed in.");
            }
            String ctx = newSecret();
            Instant now = clock.instant();
            pending.values().removeIf(p -> p.expires().isBefore(now));
            if (!RESPONSE_MODES.contains(q.getOrDefault("response_mode", "query"))) {
                throw EntraError.invalidRequest(900144, "The response_mode '" + q.get("response_mode")
                        + "' is not supported; use query, fragment or form_post.");
            }
            Pending p = new Pending(tenant, app, redirectUri, mode, scopes, state, challenge,
                    challenge == null ? null : method == null ? "plain" : method, q.get("nonce"), q.get("login_hint"),
                    "consent".equals(q.get("prompt")), null, null, now.plus(PENDING_LIFETIME));
            pending.put(ctx, p);
            EntraHttp.html(exchange, 200, signInPage(action, ctx, p, null));
        } catch (EntraError e) {
            redirectError(exchange, redirectUri, mode, state, e);
        }
    }

    private void step(HttpExchange exchange, String action, Map<String, String> form) throws IOException {
        String ctx = form.get("ctx");
        Pending p = ctx == null ? null : pending.get(ctx);
        if (p == null || p.expires().isBefore(clock.instant())) {
            throw EntraError.invalidRequest(50058, "This sign-in request has expired or is unknown. Start the sign-in"
                    + " again from the application.");
        }
        if (form.containsKey("consent")) {
            if (p.user() == null) {
                throw EntraError.invalidRequest(50058, "Sign in before consenting.");
            }
            pending.remove(ctx);
            if (!"accept".equals(form.get("consent"))) {
                redirectError(exchange, p.redirectUri(), p.responseMode(), p.state(), new EntraError(400, "access_denied", 65004,
                        "User declined to consent to access the app."));
                return;
            }
            entra.consent(p.app().clientId(), p.user().address(), p.scopes().permissions());
            finish(exchange, p);
            return;
        }
        String login = form.getOrDefault("login", "").trim();
        Optional<Mailbox> user = login.isEmpty() || !p.tenant().id().equals(entra.homeTenant().id())
                ? Optional.empty() : directory.find(login);
        if (user.isEmpty()) {
            logPassword(p, login, 50034);
            EntraHttp.html(exchange, 200, signInPage(action, ctx, p, "AADSTS50034: We couldn't find an account with"
                    + " that username in " + p.tenant().name() + "."));
            return;
        }
        if (!user.get().hasPassword() || !user.get().passwordMatches(form.getOrDefault("passwd", ""))) {
            logPassword(p, user.get().address().value(), 50126);
            EntraHttp.html(exchange, 200, signInPage(action, ctx, p, "AADSTS50126: Error validating credentials due to"
                    + " invalid username or password."));
            return;
        }
        logPassword(p, user.get().address().value(), null);
        Pending signedIn = p.signedIn(user.get(), clock.instant());
        Set<String> consented = entra.userConsent(p.app().clientId(), user.get().address());
        if (p.forceConsent() || !consented.containsAll(p.scopes().permissions())) {
            pending.put(ctx, signedIn);
            EntraHttp.html(exchange, 200, consentPage(action, ctx, signedIn));
            return;
        }
        pending.remove(ctx);
        finish(exchange, signedIn);
    }

    private void logPassword(Pending p, String login, Integer errorCode) {
        log.add(new SignInLog.Entry(clock.instant(), p.tenant().name(), p.app().clientId(), "interactive",
                Optional.of(login), Resource.GRAPH.uri(), "password", errorCode == null, Optional.ofNullable(errorCode)));
    }

    private void finish(HttpExchange exchange, Pending p) throws IOException {
        Set<String> scopes = p.scopes().defaultScope()
                ? entra.userConsent(p.app().clientId(), p.user().address()) : p.scopes().permissions();
        String code = grants.issueCode(new SignInGrants.Grant(p.app().clientId(), p.tenant().id(), p.user().address(),
                scopes, p.scopes().openid(), p.scopes().offlineAccess(), p.signedInAt()),
                p.redirectUri(), p.codeChallenge(), p.codeChallengeMethod(), p.nonce());
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        if (p.state() != null) {
            answer.put("state", p.state());
        }
        answer.put("session_state", UUID.randomUUID().toString());
        respond(exchange, p.redirectUri(), p.responseMode(), answer);
    }

    private void redirectError(HttpExchange exchange, String redirectUri, String mode, String state, EntraError e)
            throws IOException {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error", e.error());
        answer.put("error_description", e.description());
        answer.put("error_uri", "https://login.microsoftonline.com/error?code=" + e.aadsts());
        if (state != null) {
            answer.put("state", state);
        }
        respond(exchange, redirectUri, mode, answer);
    }

    /**
     * Hands the answer to the app as it asked: a 302 with a query (default) or a fragment, or, for
     * form_post (MSAL4J's default), a page whose form posts the fields to the redirect URI.
     */
    private static void respond(HttpExchange exchange, String redirectUri, String mode, Map<String, String> fields)
            throws IOException {
        if ("form_post".equals(mode)) {
            StringBuilder inputs = new StringBuilder();
            fields.forEach((name, value) -> inputs.append("<input type=\"hidden\" name=\"").append(EntraHttp.escape(name))
                    .append("\" value=\"").append(EntraHttp.escape(value)).append("\">"));
            EntraHttp.html(exchange, 200, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Working..."
                    + "</title></head><body><form method=\"POST\" name=\"hiddenform\" action=\"" + EntraHttp.escape(redirectUri)
                    + "\">" + inputs + "<noscript><p>Script is disabled. Click Submit to continue.</p>"
                    + "<input type=\"submit\" value=\"Submit\"></noscript></form>"
                    + "<script>document.forms[0].submit();</script></body></html>\n");
            return;
        }
        String encoded = fields.entrySet().stream().map(f -> enc(f.getKey()) + "=" + enc(f.getValue()))
                .collect(Collectors.joining("&"));
        String location = "fragment".equals(mode) ? redirectUri + "#" + encoded
                : redirectUri + (redirectUri.contains("?") ? "&" : "?") + encoded;
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store, no-cache");
        exchange.sendResponseHeaders(302, -1);
    }

    private static String required(Map<String, String> q, String name) {
        String v = q.get(name);
        if (v == null || v.isBlank()) {
            throw EntraError.invalidRequest(900144, "The request body must contain the following parameter: '" + name + "'.");
        }
        return v;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String newSecret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + EntraHttp.escape(title)
                + "</title><style>body{font-family:sans-serif;max-width:28em;margin:3em auto}label,input,button{display:block;"
                + "margin:.4em 0}.error{color:#a80000}.note{color:#555;font-size:.9em}</style></head><body>"
                + "<p class=\"note\">Simulated Microsoft Entra ID (exchange-sim). Not a Microsoft sign-in page.</p>"
                + "<h1>" + EntraHttp.escape(title) + "</h1>" + body + "</body></html>\n";
    }

    private static String signInPage(String action, String ctx, Pending p, String error) {
        return page("Sign in to your account",
                "<p>" + EntraHttp.escape(p.app().displayName()) + " (" + EntraHttp.escape(p.tenant().name()) + ")</p>"
                        + (error == null ? "" : "<p class=\"error\" role=\"alert\">" + EntraHttp.escape(error) + "</p>")
                        + "<form method=\"post\" action=\"" + EntraHttp.escape(action) + "\">"
                        + "<input type=\"hidden\" name=\"ctx\" value=\"" + EntraHttp.escape(ctx) + "\">"
                        + "<label for=\"login\">Email, phone, or Skype</label>"
                        + "<input type=\"email\" id=\"login\" name=\"login\" autocomplete=\"username\" required value=\""
                        + EntraHttp.escape(p.loginHint()) + "\">"
                        + "<label for=\"passwd\">Password</label>"
                        + "<input type=\"password\" id=\"passwd\" name=\"passwd\" autocomplete=\"current-password\" required>"
                        + "<button type=\"submit\">Sign in</button></form>");
    }

    private static String consentPage(String action, String ctx, Pending p) {
        StringBuilder list = new StringBuilder("<ul>");
        p.scopes().permissions().stream().sorted().forEach(s -> list.append("<li>").append(EntraHttp.escape(s)).append("</li>"));
        if (p.scopes().offlineAccess()) {
            list.append("<li>Maintain access to data you have given it access to (offline_access)</li>");
        }
        list.append("</ul>");
        return page("Permissions requested",
                "<p>" + EntraHttp.escape(p.app().displayName()) + " wants to act as <strong>"
                        + EntraHttp.escape(p.user().address().value()) + "</strong> with these permissions:</p>" + list
                        + "<form method=\"post\" action=\"" + EntraHttp.escape(action) + "\">"
                        + "<input type=\"hidden\" name=\"ctx\" value=\"" + EntraHttp.escape(ctx) + "\">"
                        + "<button type=\"submit\" name=\"consent\" value=\"accept\">Accept</button>"
                        + "<button type=\"submit\" name=\"consent\" value=\"cancel\">Cancel</button></form>");
    }

    private static String errorPage(EntraError e) {
        return page("Sorry, but we're having trouble signing you in.",
                "<p class=\"error\" role=\"alert\">" + EntraHttp.escape(e.description()) + "</p>");
    }
}
