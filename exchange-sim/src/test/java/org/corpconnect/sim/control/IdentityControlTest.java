package org.corpconnect.sim.control;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.dataset.DemoSignIns;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.entra.SignInGrants;
import org.corpconnect.sim.graph.access.CalendarAccessDecision;
import org.corpconnect.sim.graph.access.CalendarOperation;
import org.corpconnect.sim.graph.access.GraphCaller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The identity side of the control API: certificate, groups (RBAC scope), consent, revocation, RBAC. */
class IdentityControlTest {
    private static ExchangeSimulator sim;
    private static HttpClient https;

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.builder().port(0).httpsPort(0).schemaDir(schemaDir()).dataset(Dataset.demo())
                .controlToken("t").validateResponses(true).start();
        https = HttpClient.newBuilder().sslContext(sim.certificate().orElseThrow().clientContext()).build();
    }

    @AfterAll
    static void stop() {
        sim.assertAllResponsesValid();
        sim.close();
    }

    private static HttpResponse<String> call(String method, String path, String json) throws Exception {
        return https.send(HttpRequest.newBuilder(sim.httpsBaseUrl().resolve("/control" + path)).header("Authorization", "Bearer t")
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject object(HttpResponse<String> r) {
        assertTrue(r.statusCode() < 300, r.statusCode() + " " + r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private static HttpResponse<String> token(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        // Over plain HTTP: the Entra endpoints are on both listeners.
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(sim.tokenUrl("contoso-test"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String centralToken() throws Exception {
        HttpResponse<String> r = token(Map.of("grant_type", "client_credentials", "client_id", DemoSignIns.CENTRAL_CLIENT_ID,
                "client_secret", DemoSignIns.CENTRAL_SECRET, "scope", "https://graph.microsoft.com/.default"));
        return object(r).getString("access_token");
    }

    @Test
    void theCertificateIsHandedOutAndIsTheOneServed() throws Exception {
        JsonObject c = object(call("GET", "/certificate", null));
        X509Certificate served = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(c.getString("pem").getBytes(StandardCharsets.US_ASCII)));
        assertEquals(sim.certificate().orElseThrow().certificate(), served);
        assertEquals(sim.httpsBaseUrl().toString(), c.getString("httpsUrl"));
        // A client trusting only that PEM reaches EWS over HTTPS (401 without credentials: it got there).
        HttpResponse<String> ews = https.send(HttpRequest.newBuilder(sim.httpsBaseUrl().resolve("/EWS/Exchange.asmx"))
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, ews.statusCode());
    }

    @Test
    void aUserIsPutInAndOutOfTheRbacScope() throws Exception {
        GraphCaller central = sim.graphTokenVerifier().verify(centralToken()).orElseThrow();
        String group = "/groups/" + DemoSignIns.BOOKING_GROUP;
        assertInstanceOf(CalendarAccessDecision.Denied.class, decide(central, DAVID));
        JsonObject in = object(call("PUT", group + "/members/" + DAVID, null));
        assertTrue(in.getJsonArray("members").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(s -> s.getString().equals(DAVID)));
        assertEquals(new CalendarAccessDecision.Allowed(true), decide(central, DAVID));
        JsonArray test = Json.createReader(new StringReader(call("GET", "/rbac/test-authorization?app="
                + DemoSignIns.CENTRAL_CLIENT_ID + "&mailbox=" + DAVID, null).body())).readArray();
        assertTrue(test.getJsonObject(0).getBoolean("InScope"));
        object(call("DELETE", group + "/members/" + DAVID, null));
        assertInstanceOf(CalendarAccessDecision.Denied.class, decide(central, DAVID));
        assertEquals(404, call("PUT", group + "/members/nobody@contoso.test", null).statusCode());
    }

    private static CalendarAccessDecision decide(GraphCaller caller, String mailbox) {
        return sim.calendarAccessPolicy().decide(caller, sim.directory().find(mailbox).orElseThrow(), CalendarOperation.WRITE_EVENTS);
    }

    @Test
    void aTenantWideConsentPutsTheRoleInTheTokenUntilRevoked() throws Exception {
        String app = "/entra/applications/" + DemoSignIns.CENTRAL_CLIENT_ID + "/admin-consent";
        JsonObject granted = object(call("POST", app, "{\"permissions\":[\"Calendars.ReadWrite\"]}"));
        assertEquals("Calendars.ReadWrite", granted.getJsonArray("adminConsent").getString(0));
        try {
            String token = centralToken();
            assertEquals(List.of("Calendars.ReadWrite"), SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("roles"));
            GraphCaller widened = sim.graphTokenVerifier().verify(token).orElseThrow();
            assertEquals(new CalendarAccessDecision.Allowed(true), decide(widened, OLIVER), "beyond the RBAC scope");
        } finally {
            object(call("DELETE", app, "{\"permissions\":[\"Calendars.ReadWrite\"]}"));
        }
        assertNull(SignedJWT.parse(centralToken()).getJWTClaimsSet().getClaim("roles"));
        JsonArray signIns = Json.createReader(new StringReader(call("GET", "/entra/sign-ins", null).body())).readArray();
        JsonObject appOnly = signIns.getJsonObject(signIns.size() - 1);
        assertTrue(appOnly.getBoolean("appOnly"));
        assertEquals("client_credentials", appOnly.getString("flow"));
        assertEquals("secret", appOnly.getString("credential"));
        assertEquals("https://graph.microsoft.com", appOnly.getString("resource"));
    }

    @Test
    void revokingSessionsEndsTheUsersRefreshTokens() throws Exception {
        SignInGrants.Grant grant = new SignInGrants.Grant(DemoSignIns.MAILBOX_CLIENT_ID, DemoSignIns.TENANT.id(),
                MailboxAddress.of(SARAH), Set.of("Calendars.ReadWrite.Shared"), false, true, Instant.now());
        sim.entra().directory().consent(DemoSignIns.MAILBOX_CLIENT_ID, MailboxAddress.of(SARAH), grant.scopes());
        String refresh = sim.entra().grants().issueRefreshToken(grant);
        Map<String, String> form = Map.of("grant_type", "refresh_token", "client_id", DemoSignIns.MAILBOX_CLIENT_ID,
                "client_secret", DemoSignIns.MAILBOX_SECRET, "refresh_token", refresh);
        String next = object(token(form)).getString("refresh_token");

        assertEquals(204, call("POST", "/mailboxes/" + SARAH + "/revoke-sessions", null).statusCode());
        HttpResponse<String> refused = token(Map.of("grant_type", "refresh_token", "client_id", DemoSignIns.MAILBOX_CLIENT_ID,
                "client_secret", DemoSignIns.MAILBOX_SECRET, "refresh_token", next));
        assertEquals(400, refused.statusCode());
        JsonObject error = Json.createReader(new StringReader(refused.body())).readObject();
        assertEquals("invalid_grant", error.getString("error"));
        assertEquals(50173, error.getJsonArray("error_codes").getInt(0));

        // Entra's sign-in log says which app, for which mailbox, and how it ended.
        JsonArray signIns = Json.createReader(new StringReader(call("GET", "/entra/sign-ins", null).body())).readArray();
        JsonObject last = signIns.getJsonObject(signIns.size() - 1);
        assertEquals(DemoSignIns.MAILBOX_CLIENT_ID, last.getString("clientId"));
        assertEquals("refresh_token", last.getString("flow"));
        assertEquals(SARAH, last.getString("mailbox"));
        assertFalse(last.getBoolean("appOnly"));
        assertFalse(last.getBoolean("succeeded"));
        assertEquals("AADSTS50173", last.getString("errorCode"));
        assertTrue(signIns.getJsonObject(signIns.size() - 2).getBoolean("succeeded"));
        assertFalse(signIns.toString().contains(DemoSignIns.MAILBOX_SECRET), "no secret in the log");
    }

    @Test
    void theEntraStateIsListed() throws Exception {
        JsonObject entra = object(call("GET", "/entra", null));
        assertEquals(DemoSignIns.TENANT.id(), entra.getJsonObject("tenant").getString("id"));
        assertEquals(2, entra.getJsonArray("applications").size());
        JsonObject rbac = object(call("GET", "/rbac", null));
        assertEquals("MemberOfGroup -eq '" + DemoSignIns.BOOKING_GROUP + "'",
                rbac.getJsonArray("scopes").getJsonObject(0).getString("recipientRestrictionFilter"));
        assertEquals(DemoSignIns.SCOPE_NAME, rbac.getJsonArray("roleAssignments").getJsonObject(0).getString("customResourceScope"));
        assertEquals(400, call("POST", "/rbac/role-assignments",
                "{\"name\":\"x\",\"app\":\"" + DemoSignIns.CENTRAL_CLIENT_ID + "\",\"role\":\"Calendars.ReadWrite\"}").statusCode(),
                "a role is named 'Application <permission>'");
    }
}
