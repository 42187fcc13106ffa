package org.corpconnect.sim.entra;

import static org.corpconnect.sim.TestSupport.*;
import static org.corpconnect.sim.entra.EntraSignInTest.GRAPH_DEFAULT;
import static org.corpconnect.sim.entra.SimulatedBrowser.*;
import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.dataset.DemoSignIns;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.graph.access.CalendarAccessDecision;
import org.corpconnect.sim.graph.access.CalendarOperation;
import org.corpconnect.sim.graph.access.GraphCaller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A token is bound to its tenant, its app, its audience and, when delegated, its mailbox. */
class TokenBindingTest {
    private static final String FABRIKAM_APP = "9a8b7c6d-1111-4222-8333-944455566677";
    private static final Tenant FABRIKAM = new Tenant("5c4d3e2f-0000-4abc-8def-1234567890ab", "fabrikam-test", "fabrikam.test");

    private static ExchangeSimulator sim;
    private static SimulatedBrowser browser;

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.builder().port(0).httpsPort(0).schemaDir(schemaDir()).dataset(Dataset.demo())
                .controlToken("t").validateResponses(true).start();
        browser = new SimulatedBrowser(sim);
        sim.entra().directory().addTenant(FABRIKAM);
        sim.entra().directory().register(new AppRegistration(FABRIKAM_APP, FABRIKAM.id(), "Fabrikam app",
                java.util.List.of("Fabrikam-Secret-1!"), java.util.List.of(), Set.of(), false, Set.of("Calendars.ReadWrite")));
        sim.entra().directory().grantAdminConsent(FABRIKAM_APP, Set.of("Calendars.ReadWrite"));
    }

    @AfterAll
    static void stop() {
        sim.assertAllResponsesValid();
        sim.close();
    }

    private static String appOnly(String tenant, String clientId, String secret) throws Exception {
        return msal(sim, clientId, ClientCredentialFactory.createFromSecret(secret), tenant)
                .acquireToken(ClientCredentialParameters.builder(Set.of(GRAPH_DEFAULT)).build()).get().accessToken();
    }

    private static MsalServiceException refused(String tenant, String clientId, String secret) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> appOnly(tenant, clientId, secret));
        return assertInstanceOf(MsalServiceException.class, e.getCause());
    }

    @Test
    void anAppSignsInOnlyAtItsOwnTenant() {
        MsalServiceException contosoAppAtFabrikam = refused("fabrikam-test", DemoSignIns.CENTRAL_CLIENT_ID, DemoSignIns.CENTRAL_SECRET);
        assertEquals("unauthorized_client", contosoAppAtFabrikam.errorCode());
        assertTrue(contosoAppAtFabrikam.getMessage().contains("AADSTS700016"), contosoAppAtFabrikam.getMessage());
        MsalServiceException fabrikamAppAtContoso = refused("contoso-test", FABRIKAM_APP, "Fabrikam-Secret-1!");
        assertTrue(fabrikamAppAtContoso.getMessage().contains("AADSTS700016"));
        MsalServiceException unknownTenant = refused("nowhere-test", DemoSignIns.CENTRAL_CLIENT_ID, DemoSignIns.CENTRAL_SECRET);
        assertTrue(unknownTenant.getMessage().contains("AADSTS90002"), unknownTenant.getMessage());
    }

    @Test
    void aTokenOfAnotherTenantIsRefusedForThisOrganisationsMailboxes() throws Exception {
        GraphCaller fabrikam = sim.graphTokenVerifier().verify(appOnly("fabrikam-test", FABRIKAM_APP, "Fabrikam-Secret-1!"))
                .orElseThrow();
        assertEquals(FABRIKAM.id(), fabrikam.tenantId());
        assertEquals(Set.of("Calendars.ReadWrite"), fabrikam.permissions());
        Mailbox anna = sim.directory().find(ANNA).orElseThrow();
        CalendarAccessDecision.Denied denied = assertInstanceOf(CalendarAccessDecision.Denied.class,
                sim.calendarAccessPolicy().decide(fabrikam, anna, CalendarOperation.READ_SCHEDULE));
        assertEquals(404, denied.httpStatus());
        assertEquals("ErrorInvalidUser", denied.code());

        GraphCaller contoso = sim.graphTokenVerifier().verify(
                appOnly("contoso-test", DemoSignIns.CENTRAL_CLIENT_ID, DemoSignIns.CENTRAL_SECRET)).orElseThrow();
        assertEquals(new CalendarAccessDecision.Allowed(true),
                sim.calendarAccessPolicy().decide(contoso, anna, CalendarOperation.WRITE_EVENTS), "in the RBAC scope");
        assertInstanceOf(CalendarAccessDecision.Denied.class, sim.calendarAccessPolicy().decide(contoso,
                sim.directory().find(OLIVER).orElseThrow(), CalendarOperation.READ_EVENTS), "outside the RBAC scope");
    }

    @Test
    void aTokenCannotBePassedOffAsAnotherAppsOrAnotherMailboxs() throws Exception {
        String token = appOnly("contoso-test", DemoSignIns.CENTRAL_CLIENT_ID, DemoSignIns.CENTRAL_SECRET);
        assertTrue(sim.graphTokenVerifier().verify(token).isPresent());
        assertTrue(sim.graphTokenVerifier().verify(withClaim(token, "appid", "\"" + DemoSignIns.MAILBOX_CLIENT_ID + "\"")).isEmpty(),
                "another app id breaks the signature");
        assertTrue(sim.graphTokenVerifier().verify(withClaim(token, "roles", "[\"Calendars.ReadWrite\"]")).isEmpty());
        assertTrue(sim.graphTokenVerifier().verify(withClaim(token, "upn", "\"" + SERVICE + "\"")).isEmpty(),
                "an app-only token cannot be made a mailbox's");
        assertTrue(sim.graphTokenVerifier().verify("not-a-token").isEmpty());
    }

    @Test
    void tokensForExchangeAndForGraphAreNotInterchangeable() throws Exception {
        String graphToken = appOnly("contoso-test", DemoSignIns.CENTRAL_CLIENT_ID, DemoSignIns.CENTRAL_SECRET);
        HttpResponse<String> ews = post(sim.ewsUrl(), "Bearer " + graphToken,
                envelope("", org.corpconnect.sim.EwsEndpointTestAccess.GUA));
        assertEquals(401, ews.statusCode(), "a Graph token is not for EWS");

        HttpResponse<String> ewsToken = browser.token("contoso-test", Map.of("grant_type", "client_credentials", "client_id", "corpconnect-demo-app",
                        "client_secret", "Demo-App-Secret-1!", "scope", "https://outlook.office365.com/.default"));
        assertEquals(200, ewsToken.statusCode(), ewsToken.body());
        String opaque = jakarta.json.Json.createReader(new java.io.StringReader(ewsToken.body())).readObject().getString("access_token");
        assertTrue(sim.graphTokenVerifier().verify(opaque).isEmpty(), "an EWS token is not for Graph");
        GraphCaller ewsAppOnGraph = sim.graphTokenVerifier().verify(appOnly("contoso-test", "corpconnect-demo-app",
                "Demo-App-Secret-1!")).orElseThrow();
        assertEquals(Set.of("Calendars.ReadWrite"), ewsAppOnGraph.permissions(), "the EWS app asks Graph with its own token");

        HttpResponse<String> noRole = browser.token("contoso-test", Map.of("grant_type", "client_credentials",
                "client_id", DemoSignIns.CENTRAL_CLIENT_ID, "client_secret", DemoSignIns.CENTRAL_SECRET,
                "scope", "https://outlook.office365.com/.default"));
        assertEquals(200, noRole.statusCode(), "Entra issues it, without full_access_as_app");
        String exchangeJwt = jakarta.json.Json.createReader(new java.io.StringReader(noRole.body())).readObject().getString("access_token");
        assertEquals("https://outlook.office365.com", SignedJWT.parse(exchangeJwt).getJWTClaimsSet().getAudience().get(0));
        assertTrue(sim.graphTokenVerifier().verify(exchangeJwt).isEmpty(), "not for Graph");
        assertEquals(401, post(sim.ewsUrl(), "Bearer " + exchangeJwt, envelope("", org.corpconnect.sim.EwsEndpointTestAccess.GUA))
                .statusCode(), "and EWS refuses an app without full_access_as_app");
    }

    @Test
    void aDelegatedTokenCarriesItsMailbox() throws Exception {
        String verifier = verifier();
        URI authorize = URI.create(sim.httpsBaseUrl() + "/contoso-test/oauth2/v2.0/authorize?client_id="
                + DemoSignIns.MAILBOX_CLIENT_ID + "&response_type=code&redirect_uri=https%3A%2F%2Flocalhost%2Fcallback"
                + "&scope=Calendars.Read.Shared%20offline_access&code_challenge=" + challenge(verifier)
                + "&code_challenge_method=S256&state=q");
        String code = browser.signIn(authorize, MICHAEL, USER_PASSWORD, "q");
        HttpResponse<String> r = browser.token(DemoSignIns.TENANT.id(), Map.of("grant_type", "authorization_code", "client_id", DemoSignIns.MAILBOX_CLIENT_ID,
                "code", code, "redirect_uri", "https://localhost/callback", "code_verifier", verifier));
        assertEquals(200, r.statusCode(), "a public client redeems its code without a secret: " + r.body());
        jakarta.json.JsonObject json = jakarta.json.Json.createReader(new java.io.StringReader(r.body())).readObject();
        assertEquals("https://graph.microsoft.com/Calendars.Read.Shared", json.getString("scope"));
        assertTrue(json.containsKey("refresh_token"));
        assertFalse(json.containsKey("id_token"), "no openid asked, no ID token");
        GraphCaller michael = sim.graphTokenVerifier().verify(json.getString("access_token")).orElseThrow();
        assertEquals(java.util.Optional.of(org.corpconnect.sim.directory.MailboxAddress.of(MICHAEL)), michael.signedInMailbox());
        assertTrue(sim.graphTokenVerifier().verify(withClaim(json.getString("access_token"), "upn", "\"" + SERVICE + "\"")).isEmpty(),
                "the mailbox in a token cannot be changed");
    }

    /** The same token with one payload claim replaced (a JSON value), signature kept. */
    private static String withClaim(String jwt, String claim, String jsonValue) throws Exception {
        SignedJWT parsed = SignedJWT.parse(jwt);
        Map<String, Object> payload = new java.util.LinkedHashMap<>(parsed.getPayload().toJSONObject());
        payload.put(claim, com.nimbusds.jose.util.JSONObjectUtils.parse("{\"v\":" + jsonValue + "}").get("v"));
        String[] parts = jwt.split("\\.");
        return parts[0] + "." + Base64URL.encode(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(payload)) + "." + parts[2];
    }
}
