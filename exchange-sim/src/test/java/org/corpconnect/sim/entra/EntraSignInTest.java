package org.corpconnect.sim.entra;

import static org.corpconnect.sim.TestSupport.*;
import static org.corpconnect.sim.entra.SimulatedBrowser.*;
import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.AuthorizationRequestUrlParameters;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.RefreshTokenParameters;
import com.microsoft.aad.msal4j.SilentParameters;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.dataset.DemoAppCertificate;
import org.corpconnect.sim.dataset.DemoSignIns;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.graph.access.GraphCaller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated Entra ID as Microsoft's own MSAL4J meets it, over the simulator's HTTPS with its own
 * certificate: app-only sign-in with a secret and with a certificate, and the dedicated mailbox's
 * delegated sign-in (authorization code with PKCE through the sign-in and consent pages), its rotating
 * refresh tokens and their end at an admin password reset.
 */
class EntraSignInTest {
    static final String GRAPH_DEFAULT = "https://graph.microsoft.com/.default";
    static final Set<String> DELEGATED = Set.of("https://graph.microsoft.com/Calendars.ReadWrite.Shared");

    private static ExchangeSimulator sim;
    private static SimulatedBrowser browser;

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.builder().port(0).httpsPort(0).schemaDir(schemaDir()).dataset(Dataset.demo())
                .controlToken("t").validateResponses(true).start();
        browser = new SimulatedBrowser(sim);
    }

    @AfterAll
    static void stop() {
        sim.assertAllResponsesValid();
        sim.close();
    }

    static JWTClaimsSet claims(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }

    @Test
    void appOnlyWithAClientSecret() throws Exception {
        IAuthenticationResult r = msal(sim, DemoSignIns.CENTRAL_CLIENT_ID,
                ClientCredentialFactory.createFromSecret(DemoSignIns.CENTRAL_SECRET), "contoso-test")
                .acquireToken(ClientCredentialParameters.builder(Set.of(GRAPH_DEFAULT)).build()).get();
        JWTClaimsSet c = claims(r.accessToken());
        assertEquals("https://graph.microsoft.com", c.getAudience().get(0));
        assertEquals(DemoSignIns.TENANT.id(), c.getStringClaim("tid"));
        assertEquals(DemoSignIns.CENTRAL_CLIENT_ID, c.getStringClaim("appid"));
        assertEquals("1", c.getStringClaim("appidacr"), "proved with a secret");
        assertEquals("app", c.getStringClaim("idtyp"));
        assertNull(c.getClaim("roles"), "Calendars.ReadWrite is asked for, not consented tenant-wide: RBAC grants it");
        assertEquals("RS256", SignedJWT.parse(r.accessToken()).getHeader().getAlgorithm().getName());

        GraphCaller caller = sim.graphTokenVerifier().verify(r.accessToken()).orElseThrow();
        assertFalse(caller.delegated());
        assertEquals(DemoSignIns.CENTRAL_CLIENT_ID, caller.appId());
        assertEquals("app:" + DemoSignIns.CENTRAL_CLIENT_ID, caller.describe());
    }

    @Test
    void appOnlyWithACertificate() throws Exception {
        IAuthenticationResult r = msal(sim, DemoSignIns.CENTRAL_CLIENT_ID, ClientCredentialFactory.createFromCertificate(
                DemoAppCertificate.privateKey(), DemoAppCertificate.certificate()), "contoso-test")
                .acquireToken(ClientCredentialParameters.builder(Set.of(GRAPH_DEFAULT)).build()).get();
        assertEquals("2", claims(r.accessToken()).getStringClaim("appidacr"), "proved with a certificate");
        assertTrue(sim.graphTokenVerifier().verify(r.accessToken()).isPresent());
    }

    @Test
    void aCertificateNotRegisteredOnTheAppIsRefused() throws Exception {
        TestCertificates.KeyAndCertificate other = TestCertificates.selfSigned("CN=someone else");
        ExecutionException e = assertThrows(ExecutionException.class, () -> msal(sim, DemoSignIns.CENTRAL_CLIENT_ID,
                ClientCredentialFactory.createFromCertificate(other.key(), other.certificate()), "contoso-test")
                .acquireToken(ClientCredentialParameters.builder(Set.of(GRAPH_DEFAULT)).build()).get());
        MsalServiceException m = assertInstanceOf(MsalServiceException.class, e.getCause());
        assertEquals("invalid_client", m.errorCode());
        assertTrue(m.getMessage().contains("AADSTS700027"), m.getMessage());
        assertEquals(401, m.statusCode());
    }

    @Test
    void aWrongSecretIsInvalidClientInEntrasShape() throws Exception {
        HttpResponse<String> r = browser.token("contoso-test", Map.of(
                "grant_type", "client_credentials", "client_id", DemoSignIns.CENTRAL_CLIENT_ID,
                "client_secret", "wrong", "scope", GRAPH_DEFAULT));
        assertEquals(401, r.statusCode());
        JsonObject error = Json.createReader(new StringReader(r.body())).readObject();
        assertEquals("invalid_client", error.getString("error"));
        assertTrue(error.getString("error_description").startsWith("AADSTS7000215: "), error.toString());
        assertEquals(7000215, error.getJsonArray("error_codes").getInt(0));
        for (String field : new String[] {"timestamp", "trace_id", "correlation_id"}) {
            assertFalse(error.getString(field).isBlank(), field);
        }
    }

    @Test
    void theSecretMayComeAsHttpBasic() throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString((DemoSignIns.CENTRAL_CLIENT_ID + ":"
                + java.net.URLEncoder.encode(DemoSignIns.CENTRAL_SECRET, java.nio.charset.StandardCharsets.UTF_8))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> r = browser.postWithHeader(sim.httpsBaseUrl().resolve("/contoso-test/oauth2/v2.0/token"),
                "Basic " + basic, "grant_type=client_credentials&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default");
        assertEquals(200, r.statusCode(), r.body());
        String token = Json.createReader(new StringReader(r.body())).readObject().getString("access_token");
        assertEquals(DemoSignIns.CENTRAL_CLIENT_ID, claims(token).getStringClaim("appid"));
    }

    @Test
    void malformedRequestsGetEntraErrorsNotServerErrors() throws Exception {
        HttpResponse<String> badForm = browser.post(sim.httpsBaseUrl().resolve("/contoso-test/oauth2/v2.0/token"),
                Map.of()); // empty: no grant_type
        assertEquals(400, badForm.statusCode());
        assertTrue(badForm.body().contains("AADSTS900144"), badForm.body());
        HttpResponse<String> badEncoding = browser.postRaw(sim.httpsBaseUrl().resolve("/contoso-test/oauth2/v2.0/token"),
                "grant_type=client_credentials&client_id=%zz");
        assertEquals(400, badEncoding.statusCode());
        assertTrue(badEncoding.body().contains("AADSTS9002313"), badEncoding.body());
        HttpResponse<String> get = browser.get(sim.httpsBaseUrl().resolve("/contoso-test/oauth2/v2.0/token"));
        assertEquals(400, get.statusCode());
        assertTrue(get.body().contains("AADSTS900561"), get.body());
    }

    @Test
    void theDiscoveryDocumentNamesTheEndpointsAndKeys() throws Exception {
        HttpResponse<String> r = browser.get(sim.httpsBaseUrl().resolve("/contoso-test/v2.0/.well-known/openid-configuration"));
        assertEquals(200, r.statusCode());
        JsonObject meta = Json.createReader(new StringReader(r.body())).readObject();
        String authority = sim.httpsBaseUrl() + "/" + DemoSignIns.TENANT.id();
        assertEquals(authority + "/oauth2/v2.0/token", meta.getString("token_endpoint"));
        assertEquals(authority + "/oauth2/v2.0/authorize", meta.getString("authorization_endpoint"));
        assertEquals(authority + "/v2.0", meta.getString("issuer"));
        HttpResponse<String> keys = browser.get(URI.create(meta.getString("jwks_uri")));
        JsonObject key = Json.createReader(new StringReader(keys.body())).readObject().getJsonArray("keys").getJsonObject(0);
        assertEquals("RSA", key.getString("kty"));
        assertFalse(key.containsKey("d"), "never the private part");
    }

    /** The dedicated mailbox signs in through the pages, as the demo admin would; MSAL redeems the code. */
    @Test
    void delegatedSignInRotatesRefreshTokensUntilAPasswordReset() throws Exception {
        ConfidentialClientApplication app = msal(sim, DemoSignIns.MAILBOX_CLIENT_ID,
                ClientCredentialFactory.createFromSecret(DemoSignIns.MAILBOX_SECRET), "contoso-test");
        String redirect = "http://localhost:8765/callback"; // a loopback port: any is accepted
        IAuthenticationResult signedIn = signIn(app, redirect, SERVICE, SERVICE_PASSWORD);

        assertEquals(SERVICE, signedIn.account().username());
        JWTClaimsSet c = claims(signedIn.accessToken());
        assertEquals(SERVICE, c.getStringClaim("upn"));
        assertEquals("Calendars.ReadWrite.Shared", c.getStringClaim("scp"));
        assertNotNull(c.getStringClaim("oid"));
        GraphCaller caller = sim.graphTokenVerifier().verify(signedIn.accessToken()).orElseThrow();
        assertEquals(java.util.Optional.of(MailboxAddress.of(SERVICE)), caller.signedInMailbox());
        assertEquals(Set.of("Calendars.ReadWrite.Shared"), caller.permissions());
        assertEquals(SERVICE + " via " + DemoSignIns.MAILBOX_CLIENT_ID, caller.describe());

        // MSAL4J's acquireTokenSilently refreshes against the authority's host without its port (its
        // instance metadata keeps the host only), so against a simulator on a non-default port the refresh
        // goes through RefreshTokenParameters; the cache lookup of acquireTokenSilently works as usual.
        String first = refreshTokenIn(app);
        IAuthenticationResult refreshed = app.acquireToken(RefreshTokenParameters.builder(DELEGATED, first).build()).get();
        assertNotEquals(signedIn.accessToken(), refreshed.accessToken());
        String second = refreshTokenIn(app);
        assertNotEquals(first, second, "a new refresh token at each use");
        assertEquals(refreshed.accessToken(), app.acquireTokenSilently(
                SilentParameters.builder(DELEGATED, signedIn.account()).build()).get().accessToken(), "served from MSAL's cache");

        MsalServiceException reused = msalError(() -> app.acquireToken(RefreshTokenParameters.builder(DELEGATED, first).build()).get());
        assertEquals("invalid_grant", reused.errorCode(), "the rotated-out refresh token is dead");

        HttpResponse<String> reset = browser.control("PUT", "/control/mailboxes/" + SERVICE + "/password",
                "{\"password\":\"Reset-By-Admin-1!\"}");
        assertEquals(204, reset.statusCode(), reset.body());
        try {
            MsalServiceException revoked = msalError(() -> app.acquireToken(
                    RefreshTokenParameters.builder(DELEGATED, second).build()).get());
            assertEquals("invalid_grant", revoked.errorCode());
            assertTrue(revoked.getMessage().contains("AADSTS50173"), revoked.getMessage());
        } finally {
            browser.control("PUT", "/control/mailboxes/" + SERVICE + "/password", "{\"password\":\"" + SERVICE_PASSWORD + "\"}");
        }
        // The admin signs the mailbox in again: a new sign-in works at once.
        assertEquals(SERVICE, signIn(app, redirect, SERVICE, SERVICE_PASSWORD).account().username());
    }

    @Test
    void aCodeIsRedeemedOnceAndOnlyWithItsVerifier() throws Exception {
        String redirect = DemoSignIns.MAILBOX_REDIRECT_URI;
        String verifier = verifier();
        String code = browser.signIn(authorizeUrl(redirect, challenge(verifier), "s1"), SARAH, USER_PASSWORD, "s1");
        Map<String, String> form = Map.of("grant_type", "authorization_code", "client_id", DemoSignIns.MAILBOX_CLIENT_ID,
                "client_secret", DemoSignIns.MAILBOX_SECRET, "code", code, "redirect_uri", redirect,
                "code_verifier", verifier().substring(0, 43));
        HttpResponse<String> wrongVerifier = browser.token("contoso-test", form);
        assertEquals(400, wrongVerifier.statusCode());
        assertTrue(wrongVerifier.body().contains("AADSTS501481"), wrongVerifier.body());

        String code2 = browser.signIn(authorizeUrl(redirect, challenge(verifier), "s2"), SARAH, USER_PASSWORD, "s2");
        Map<String, String> good = new java.util.HashMap<>(form);
        good.put("code", code2);
        good.put("code_verifier", verifier);
        assertEquals(200, browser.token("contoso-test", good).statusCode());
        HttpResponse<String> again = browser.token("contoso-test", good);
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("AADSTS54005"), "already redeemed: " + again.body());
    }

    @Test
    void aWrongPasswordStaysOnTheSignInPageAndAForeignRedirectUriGetsNothing() throws Exception {
        HttpResponse<String> page = browser.get((authorizeUrl(DemoSignIns.MAILBOX_REDIRECT_URI,
                challenge(verifier()), "x")));
        HttpResponse<String> wrong = browser.postPage("contoso-test", hidden(page.body(), "ctx"), Map.of("login", SERVICE, "passwd", "nope"));
        assertEquals(200, wrong.statusCode());
        assertTrue(wrong.body().contains("AADSTS50126"), wrong.body());

        URI evil = URI.create(sim.httpsBaseUrl() + "/contoso-test/oauth2/v2.0/authorize?client_id="
                + DemoSignIns.MAILBOX_CLIENT_ID + "&response_type=code&scope=Calendars.ReadWrite.Shared"
                + "&redirect_uri=" + enc("https://evil.example/steal"));
        HttpResponse<String> refused = browser.get(evil);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("AADSTS50011"));
        assertTrue(refused.headers().firstValue("Location").isEmpty());
    }

    @Test
    void declinedConsentGoesBackAsAccessDenied() throws Exception {
        HttpResponse<String> page = browser.get((authorizeUrl(DemoSignIns.MAILBOX_REDIRECT_URI,
                challenge(verifier()), "st")));
        String ctx = hidden(page.body(), "ctx");
        HttpResponse<String> consent = browser.postPage("contoso-test", ctx, Map.of("login", OLIVER, "passwd", USER_PASSWORD));
        assertTrue(consent.body().contains("Permissions requested"), consent.body());
        HttpResponse<String> declined = browser.postPage("contoso-test", ctx, Map.of("consent", "cancel"));
        assertEquals(302, declined.statusCode());
        String location = declined.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(DemoSignIns.MAILBOX_REDIRECT_URI + "?error=access_denied"), location);
        Map<String, String> answer = SimulatedBrowser.answer(declined);
        assertEquals("st", answer.get("state"));
        assertTrue(answer.get("error_description").startsWith("AADSTS65004: "), answer.toString());
    }

    private static IAuthenticationResult signIn(ConfidentialClientApplication app, String redirect, String user,
                                                String password) throws Exception {
        String verifier = verifier();
        String state = Long.toString(new SecureRandom().nextLong());
        URI authorize = app.getAuthorizationRequestUrl(AuthorizationRequestUrlParameters.builder(redirect, DELEGATED)
                .codeChallenge(challenge(verifier)).codeChallengeMethod("S256").state(state).build()).toURI();
        String code = browser.signIn(authorize, user, password, state);
        return app.acquireToken(AuthorizationCodeParameters.builder(code, URI.create(redirect)).scopes(DELEGATED)
                .codeVerifier(verifier).build()).get();
    }

    private static URI authorizeUrl(String redirect, String challenge, String state) {
        return URI.create(sim.httpsBaseUrl() + "/contoso-test/oauth2/v2.0/authorize?client_id=" + DemoSignIns.MAILBOX_CLIENT_ID
                + "&response_type=code&redirect_uri=" + enc(redirect)
                + "&scope=" + enc("https://graph.microsoft.com/Calendars.ReadWrite.Shared offline_access openid profile")
                + "&code_challenge=" + challenge + "&code_challenge_method=S256&state=" + state);
    }

    /** The refresh token MSAL keeps in its cache (it never hands one out otherwise). */
    private static String refreshTokenIn(ConfidentialClientApplication app) {
        JsonObject cache = Json.createReader(new StringReader(app.tokenCache().serialize())).readObject();
        JsonObject refreshTokens = cache.getJsonObject("RefreshToken");
        assertEquals(1, refreshTokens.size(), "one refresh token for the one account");
        return refreshTokens.values().iterator().next().asJsonObject().getString("secret");
    }

    interface Call {
        Object run() throws Exception;
    }

    private static MsalServiceException msalError(Call call) {
        ExecutionException e = assertThrows(ExecutionException.class, call::run);
        return assertInstanceOf(MsalServiceException.class, e.getCause(), String.valueOf(e.getCause()));
    }
}
