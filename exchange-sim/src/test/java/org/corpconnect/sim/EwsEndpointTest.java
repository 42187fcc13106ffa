package org.corpconnect.sim;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.corpconnect.sim.requestlog.RequestLogEntry.AuthOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SOAP endpoint with a plain HTTP client: envelope, schema validation, version info, authentication. */
class EwsEndpointTest {
    static final String GUA = "<m:GetUserAvailabilityRequest>"
            + "<t:TimeZone><t:Bias>0</t:Bias><t:StandardTime><t:Bias>0</t:Bias><t:Time>02:00:00</t:Time><t:DayOrder>1</t:DayOrder><t:Month>3</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:StandardTime>"
            + "<t:DaylightTime><t:Bias>0</t:Bias><t:Time>02:00:00</t:Time><t:DayOrder>1</t:DayOrder><t:Month>10</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:DaylightTime></t:TimeZone>"
            + "<m:MailboxDataArray><t:MailboxData><t:Email><t:Address>anna.schmidt@contoso.test</t:Address></t:Email>"
            + "<t:AttendeeType>Required</t:AttendeeType><t:ExcludeConflicts>false</t:ExcludeConflicts></t:MailboxData></m:MailboxDataArray>"
            + "<t:FreeBusyViewOptions><t:TimeWindow><t:StartTime>2030-01-07T00:00:00</t:StartTime><t:EndTime>2030-01-08T00:00:00</t:EndTime></t:TimeWindow>"
            + "<t:MergedFreeBusyIntervalInMinutes>30</t:MergedFreeBusyIntervalInMinutes><t:RequestedView>FreeBusy</t:RequestedView></t:FreeBusyViewOptions>"
            + "</m:GetUserAvailabilityRequest>";

    private ExchangeSimulator sim;

    @BeforeEach
    void start() {
        sim = ExchangeSimulator.builder().port(0).schemaDir(schemaDir())
                .dataset(org.corpconnect.sim.dataset.Dataset.demo()).validateResponses(true)
                .lockoutThreshold(3).lockoutDuration(Duration.ofMinutes(10)).start();
    }

    @AfterEach
    void stop() {
        sim.assertAllResponsesValid();
        sim.close();
    }

    @Test
    void validRequestIsAnsweredWithServerVersionInfo() throws Exception {
        HttpResponse<String> r = post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope("", GUA));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("ServerVersionInfo"), r.body());
        assertTrue(r.body().contains("MajorVersion=\"15\""));
        assertTrue(r.body().contains("<m:ResponseCode>NoError</m:ResponseCode>"), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
    }

    @Test
    void schemaInvalidBodyGetsErrorSchemaValidationFault() throws Exception {
        String invalid = GUA.replace("<t:RequestedView>FreeBusy</t:RequestedView>", "<t:RequestedView>Everything</t:RequestedView>");
        HttpResponse<String> r = post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope("", invalid));
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("<faultcode xmlns:a=\"http://schemas.microsoft.com/exchange/services/2006/types\">a:ErrorSchemaValidation</faultcode>"), r.body());
        assertTrue(r.body().contains("<e:ResponseCode xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">ErrorSchemaValidation</e:ResponseCode>"));
        assertTrue(r.body().contains("<t:LineNumber>1</t:LineNumber>"), r.body());
        assertTrue(r.body().contains("Everything"), "the violation names the bad value");
    }

    @Test
    void invalidImpersonationHeaderIsASchemaError() throws Exception {
        // An unknown RequestServerVersion is not a schema error but a version refusal: VersionNegotiationTest.
        String badImpersonation = envelope("<t:ExchangeImpersonation><t:ConnectingSID/></t:ExchangeImpersonation>", GUA);
        HttpResponse<String> r = post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), badImpersonation);
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("a:ErrorSchemaValidation"), r.body());
    }

    @Test
    void malformedXmlAndEmptyBodyAreSchemaErrors() throws Exception {
        HttpResponse<String> r = post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), "<soap:Envelope");
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("a:ErrorSchemaValidation"));
        r = post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope("", ""));
        assertTrue(r.body().contains("a:ErrorSchemaValidation"));
        r = post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD),
                "<!DOCTYPE x [<!ENTITY a \"b\">]>" + envelope("", GUA));
        assertTrue(r.body().contains("a:ErrorSchemaValidation"), "DTDs are refused");
    }

    @Test
    void soap12EnvelopeIsAVersionMismatch() throws Exception {
        String soap12 = envelope("", GUA).replace("http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/2003/05/soap-envelope");
        HttpResponse<String> r = post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), soap12);
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("s:VersionMismatch"), r.body());
    }

    @Test
    void missingOrWrongCredentialsGet401() throws Exception {
        HttpResponse<String> r = post(sim.ewsUrl(), null, envelope("", GUA));
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().allValues("WWW-Authenticate").stream().anyMatch(v -> v.startsWith("Basic")));
        r = post(sim.ewsUrl(), basic(SERVICE, "wrong"), envelope("", GUA));
        assertEquals(401, r.statusCode());
        r = post(sim.ewsUrl(), basic("nobody@contoso.test", "x"), envelope("", GUA));
        assertEquals(401, r.statusCode());
        List<AuthOutcome> outcomes = sim.requestLog().entries().stream().map(RequestLogEntry::authOutcome).toList();
        assertEquals(List.of(AuthOutcome.NO_CREDENTIALS, AuthOutcome.WRONG_PASSWORD, AuthOutcome.UNKNOWN_ACCOUNT), outcomes);
    }

    @Test
    void consecutiveWrongPasswordsLockTheAccountEvenForTheRightPassword() throws Exception {
        assertEquals(200, post(sim.ewsUrl(), basic(ANNA, USER_PASSWORD), envelope("", GUA)).statusCode());
        for (int i = 0; i < 3; i++) {
            assertEquals(401, post(sim.ewsUrl(), basic(ANNA, "guess" + i), envelope("", GUA)).statusCode());
        }
        assertTrue(sim.authenticator().isLockedOut(MailboxAddress.of(ANNA)));
        HttpResponse<String> r = post(sim.ewsUrl(), basic(ANNA, USER_PASSWORD), envelope("", GUA));
        assertEquals(401, r.statusCode());
        List<RequestLogEntry> all = sim.requestLog().entries();
        assertEquals(AuthOutcome.LOCKED_OUT, all.get(all.size() - 1).authOutcome());
        sim.authenticator().unlock(MailboxAddress.of(ANNA));
        assertEquals(200, post(sim.ewsUrl(), basic(ANNA, USER_PASSWORD), envelope("", GUA)).statusCode());
    }

    @Test
    void aSuccessResetsTheFailureCount() throws Exception {
        for (int round = 0; round < 3; round++) {
            assertEquals(401, post(sim.ewsUrl(), basic(ANNA, "x"), envelope("", GUA)).statusCode());
            assertEquals(401, post(sim.ewsUrl(), basic(ANNA, "y"), envelope("", GUA)).statusCode());
            assertEquals(200, post(sim.ewsUrl(), basic(ANNA, USER_PASSWORD), envelope("", GUA)).statusCode());
        }
    }

    @Test
    void passwordsChangeAtRuntime() throws Exception {
        sim.directory().get(SERVICE).changePassword("New-Pa55!");
        assertEquals(401, post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope("", GUA)).statusCode());
        assertEquals(200, post(sim.ewsUrl(), basic(SERVICE, "New-Pa55!"), envelope("", GUA)).statusCode());
    }

    @Test
    void requestLogRecordsWhoAskedWhat() throws Exception {
        post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope(
                "<t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>Anna.Schmidt@contoso.test</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>", GUA));
        RequestLogEntry e = sim.requestLog().forOperation("GetUserAvailabilityRequest").get(0);
        assertEquals(SERVICE, e.authenticatedAs());
        assertEquals(AuthOutcome.SUCCESS, e.authOutcome());
        assertEquals(ANNA, e.impersonated());
        assertEquals(List.of(ANNA), e.targetMailboxes());
        assertEquals("FreeBusy", e.requestedView());
        assertEquals("Exchange2013", e.requestServerVersion());
        assertEquals(200, e.httpStatus());
        assertEquals(List.of("NoError"), e.responseCodes());
    }

    @Test
    void unknownOperationIsAFaultNotASilentAnswer() throws Exception {
        HttpResponse<String> r = post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD),
                envelope("", "<m:GetUserOofSettingsRequest><t:Mailbox><t:Address>anna.schmidt@contoso.test</t:Address></t:Mailbox></m:GetUserOofSettingsRequest>"));
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("a:ErrorInvalidRequest"), r.body());
    }

    @Test
    void theWsdlAndSchemasAreServedFromTheSchemaDirectory() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(sim.baseUrl().resolve("/EWS/Services.wsdl"))
                .header("Authorization", basic(SERVICE, SERVICE_PASSWORD)).build();
        HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("wsdl:definitions"));
        assertEquals(200, http.send(java.net.http.HttpRequest.newBuilder(sim.baseUrl().resolve("/EWS/types.xsd"))
                .header("Authorization", basic(SERVICE, SERVICE_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(401, http.send(java.net.http.HttpRequest.newBuilder(sim.baseUrl().resolve("/EWS/messages.xsd")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void pathIsCaseInsensitiveAndOthersAre404() throws Exception {
        HttpResponse<String> r = post(sim.baseUrl().resolve("/ews/exchange.asmx"), basic(SERVICE, SERVICE_PASSWORD), envelope("", GUA));
        assertEquals(200, r.statusCode());
        assertEquals(404, post(sim.baseUrl().resolve("/nothing"), null, "").statusCode());
    }
}
