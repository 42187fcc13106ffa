package org.corpconnect.sim.entra;

import static org.corpconnect.sim.TestSupport.*;
import static org.corpconnect.sim.entra.EntraSignInTest.DELEGATED;
import static org.corpconnect.sim.entra.EntraSignInTest.GRAPH_DEFAULT;
import static org.corpconnect.sim.entra.SimulatedBrowser.*;
import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.AuthorizationRequestUrlParameters;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.dataset.DemoSignIns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Entra's tokens (MSAL4J) on the Graph side: an app-only token reaches the mailboxes of its RBAC scope and
 * gets Exchange Online's 403 outside it; the dedicated mailbox signed in (delegated, Calendars.ReadWrite.Shared)
 * reads a calendar shared with it and gets Graph's 403 for one that is not.
 */
class GraphAccessEndToEndTest {
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

    private static HttpResponse<String> events(String token, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.graphUrl() + "/users/" + user + "/events?$top=1"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject error(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject().getJsonObject("error");
    }

    @Test
    void appOnlyOutsideItsRbacScopeGetsExchangeOnlinesRefusal() throws Exception {
        String token = msal(sim, DemoSignIns.CENTRAL_CLIENT_ID, ClientCredentialFactory.createFromSecret(DemoSignIns.CENTRAL_SECRET),
                "contoso-test").acquireToken(ClientCredentialParameters.builder(Set.of(GRAPH_DEFAULT)).build()).get().accessToken();
        assertEquals(200, events(token, ANNA).statusCode(), "Anna is in the booking group, so in the management scope");
        HttpResponse<String> outside = events(token, DAVID);
        assertEquals(403, outside.statusCode());
        assertEquals("ErrorAccessDenied", error(outside).getString("code"));
        assertTrue(sim.requestLog().entries(e -> "listEvents".equals(e.operation()) && e.httpStatus() == 403).stream()
                .anyMatch(e -> "app-only".equals(e.accessMode()) && e.targetMailboxes().contains(DAVID)));
    }

    @Test
    void delegatedWithoutAShareGetsGraphsRefusal() throws Exception {
        ConfidentialClientApplication app = msal(sim, DemoSignIns.MAILBOX_CLIENT_ID,
                ClientCredentialFactory.createFromSecret(DemoSignIns.MAILBOX_SECRET), "contoso-test");
        String redirect = "http://localhost:8765/callback";
        String verifier = verifier();
        URI authorize = app.getAuthorizationRequestUrl(AuthorizationRequestUrlParameters.builder(redirect, DELEGATED)
                .codeChallenge(challenge(verifier)).codeChallengeMethod("S256").state("e2e").build()).toURI();
        String code = browser.signIn(authorize, SERVICE, SERVICE_PASSWORD, "e2e");
        String token = app.acquireToken(AuthorizationCodeParameters.builder(code, URI.create(redirect)).scopes(DELEGATED)
                .codeVerifier(verifier).build()).get().accessToken();

        assertEquals(200, events(token, MICHAEL).statusCode(), "Michael's calendar is shared with the dedicated mailbox (Editor)");
        HttpResponse<String> notShared = events(token, DAVID);
        assertEquals(403, notShared.statusCode());
        assertEquals("ErrorAccessDenied", error(notShared).getString("code"));
        assertTrue(sim.requestLog().entries(e -> "listEvents".equals(e.operation()) && e.httpStatus() == 403).stream()
                .anyMatch(e -> "delegated".equals(e.accessMode()) && e.authenticatedAs().startsWith(SERVICE)));
    }
}
