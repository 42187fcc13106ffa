package org.corpconnect.sim.auth;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.availability.AvailabilityData;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.service.ServiceResult;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;
import microsoft.exchange.webservices.data.misc.availability.AttendeeInfo;
import microsoft.exchange.webservices.data.misc.availability.TimeWindow;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exchange Online's app-only access: a client-credentials token, impersonation and X-AnchorMailbox. */
class OAuthAppOnlyTest {
    private static ExchangeSimulator sim;

    @BeforeAll
    static void start() {
        sim = demo();
    }

    @AfterAll
    static void stop() {
        sim.assertAllResponsesValid();
        sim.close();
    }

    private static HttpResponse<String> token(String tenant, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(sim.tokenUrl(tenant))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String accessToken() throws Exception {
        HttpResponse<String> r = token("contoso-test", "grant_type=client_credentials&client_id=corpconnect-demo-app"
                + "&client_secret=Demo-App-Secret-1%21&scope=https%3A%2F%2Foutlook.office365.com%2F.default");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject json = Json.createReader(new StringReader(r.body())).readObject();
        assertEquals("Bearer", json.getString("token_type"));
        assertEquals(3600, json.getInt("expires_in"));
        return json.getString("access_token");
    }

    private static ExchangeService appOnly(String token, String impersonate, String anchor) {
        ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
        service.setUrl(sim.ewsUrl());
        service.getHttpHeaders().put("Authorization", "Bearer " + token);
        if (anchor != null) {
            service.getHttpHeaders().put("X-AnchorMailbox", anchor);
        }
        if (impersonate != null) {
            service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, impersonate));
        }
        return service;
    }

    private static TimeWindow tomorrow() {
        return new TimeWindow(new Date(), new Date(System.currentTimeMillis() + 86_400_000L));
    }

    @Test
    void tokenEndpointFollowsTheClientCredentialsGrant() throws Exception {
        assertEquals(401, token("contoso-test", "grant_type=client_credentials&client_id=corpconnect-demo-app"
                + "&client_secret=wrong&scope=https%3A%2F%2Foutlook.office365.com%2F.default").statusCode());
        HttpResponse<String> r = token("contoso-test", "grant_type=password&client_id=x");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("unsupported_grant_type"));
        assertEquals(400, token("contoso-test", "grant_type=client_credentials&client_id=corpconnect-demo-app"
                + "&client_secret=Demo-App-Secret-1%21&scope=EWS.AccessAsUser.All").statusCode());
        assertEquals(400, token("other-tenant", "grant_type=client_credentials&client_id=corpconnect-demo-app"
                + "&client_secret=Demo-App-Secret-1%21&scope=https%3A%2F%2Foutlook.office365.com%2F.default").statusCode());
    }

    @Test
    void appOnlyTokenWithImpersonationAndAnchorWorks() throws Exception {
        try (ExchangeService service = appOnly(accessToken(), ANNA, ANNA)) {
            assertEquals(ServiceResult.Success, service.getUserAvailability(List.of(new AttendeeInfo(ANNA)), tomorrow(),
                    AvailabilityData.FreeBusy).getAttendeesAvailability().getResponseAtIndex(0).getResult());
        }
        RequestLogEntry e = sim.requestLog().entries(x -> "app:corpconnect-demo-app".equals(x.authenticatedAs())
                && x.httpStatus() == 200).get(0);
        assertEquals(ANNA, e.impersonated());
        assertEquals(ANNA, e.anchorMailbox());
    }

    @Test
    void appOnlyNeedsImpersonationAndTheAnchorHeader() throws Exception {
        String token = accessToken();
        try (ExchangeService service = appOnly(token, null, null)) {
            assertEquals(ServiceError.ErrorInvalidExchangeImpersonationHeaderData, ewsError(() -> service.getUserAvailability(
                    List.of(new AttendeeInfo(ANNA)), tomorrow(), AvailabilityData.FreeBusy)).getErrorCode());
        }
        try (ExchangeService service = appOnly(token, ANNA, null)) {
            assertEquals(ServiceError.ErrorInvalidRequest, ewsError(() -> service.getUserAvailability(
                    List.of(new AttendeeInfo(ANNA)), tomorrow(), AvailabilityData.FreeBusy)).getErrorCode());
        }
        try (ExchangeService service = appOnly(token, OLIVER, OLIVER)) {
            assertEquals(ServiceError.ErrorImpersonateUserDenied, ewsError(() -> service.getUserAvailability(
                    List.of(new AttendeeInfo(OLIVER)), tomorrow(), AvailabilityData.FreeBusy)).getErrorCode(),
                    "the application access policy scopes the app like the service mailbox");
        }
    }

    @Test
    void anInvalidTokenIs401() throws Exception {
        HttpResponse<String> r = post(sim.ewsUrl(), "Bearer not-a-token",
                envelope("", org.corpconnect.sim.EwsEndpointTestAccess.GUA));
        assertEquals(401, r.statusCode());
        assertEquals(RequestLogEntry.AuthOutcome.INVALID_TOKEN,
                sim.requestLog().entries().get(sim.requestLog().entries().size() - 1).authOutcome());
    }
}
