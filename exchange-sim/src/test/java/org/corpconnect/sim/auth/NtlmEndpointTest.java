package org.corpconnect.sim.auth;

import static org.corpconnect.sim.TestSupport.SERVICE;
import static org.corpconnect.sim.TestSupport.SERVICE_PASSWORD;
import static org.corpconnect.sim.TestSupport.basic;
import static org.corpconnect.sim.TestSupport.envelope;
import static org.corpconnect.sim.TestSupport.post;
import static org.corpconnect.sim.TestSupport.schemaDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.corpconnect.sim.requestlog.RequestLogEntry.AuthOutcome;
import org.corpconnect.sim.soap.ServerProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An on-premises simulator (Exchange 2019) with Basic turned off: only NTLM gets in. ews-java-api's
 * NTLM engine (Apache HttpClient) logs on with DOMAIN\\user or with the UPN, over a kept-alive
 * connection; Basic is refused without a look at the password; wrong passwords lock the account.
 */
class NtlmEndpointTest {
    private static final String GET_ROOT = "<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>"
            + "<m:FolderIds><t:DistinguishedFolderId Id=\"root\"/></m:FolderIds></m:GetFolder>";

    private ExchangeSimulator sim;

    @BeforeEach
    void start() {
        sim = ExchangeSimulator.builder().port(0).schemaDir(schemaDir()).dataset(Dataset.demo()).validateResponses(true)
                .serverProfile(ServerProfile.EXCHANGE_2019).basicAuth(false).lockoutThreshold(3).start();
    }

    @AfterEach
    void stop() {
        sim.assertAllResponsesValid();
        sim.close();
    }

    private ExchangeService ntlm(String user, String password, String domain) {
        ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
        service.setCredentials(new WebCredentials(user, password, domain));
        service.setUrl(sim.ewsUrl());
        return service;
    }

    @Test
    void aClientOffersNoCredentialsAndIsShownWindowsAuthenticationOnly() throws Exception {
        HttpResponse<String> r = post(sim.ewsUrl(), null, envelope("", GET_ROOT));
        assertEquals(401, r.statusCode());
        assertEquals(List.of("Negotiate", "NTLM", "Bearer"), r.headers().allValues("WWW-Authenticate"));
        HttpResponse<String> viaBasic = post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope("", GET_ROOT));
        assertEquals(401, viaBasic.statusCode(), "Basic is off");
        assertEquals(AuthOutcome.SCHEME_DISABLED, last().authOutcome());
    }

    @Test
    void ewsJavaApiLogsOnWithDomainAndUserOverNtlm() throws Exception {
        try (ExchangeService service = ntlm("booking-service", SERVICE_PASSWORD, "CONTOSO")) {
            Folder root = Folder.bind(service, WellKnownFolderName.Root);
            assertEquals("Root", root.getDisplayName());
            Folder.bind(service, WellKnownFolderName.Calendar); // the same connection, already authenticated
        }
        List<RequestLogEntry> log = sim.requestLog().entries();
        assertTrue(log.stream().anyMatch(e -> e.authOutcome() == AuthOutcome.NTLM_CHALLENGE), "an NTLM handshake: " + log);
        assertEquals(2, log.stream().filter(e -> e.authOutcome() == AuthOutcome.SUCCESS
                && SERVICE.equals(e.authenticatedAs()) && "GetFolder".equals(e.operation())).count(), log.toString());
    }

    @Test
    void theUserPrincipalNameWorksWithoutADomain() throws Exception {
        try (ExchangeService service = ntlm(SERVICE, SERVICE_PASSWORD, "")) {
            assertEquals("Calendar", Folder.bind(service, WellKnownFolderName.Calendar).getDisplayName());
        }
    }

    @Test
    void aWrongPasswordOrAForeignDomainIsRefusedAndWrongPasswordsLockTheAccount() throws Exception {
        try (ExchangeService foreign = ntlm("booking-service", SERVICE_PASSWORD, "FABRIKAM")) {
            assertThrows(Exception.class, () -> Folder.bind(foreign, WellKnownFolderName.Root));
        }
        assertTrue(sim.requestLog().entries().stream().anyMatch(e -> e.authOutcome() == AuthOutcome.UNKNOWN_ACCOUNT));
        for (int i = 0; i < 3; i++) {
            try (ExchangeService wrong = ntlm("booking-service", "wrong", "CONTOSO")) {
                assertThrows(Exception.class, () -> Folder.bind(wrong, WellKnownFolderName.Root));
            }
        }
        assertTrue(sim.requestLog().entries().stream().anyMatch(e -> e.authOutcome() == AuthOutcome.WRONG_PASSWORD));
        try (ExchangeService right = ntlm("booking-service", SERVICE_PASSWORD, "CONTOSO")) {
            assertThrows(Exception.class, () -> Folder.bind(right, WellKnownFolderName.Root), "locked out");
        }
        assertEquals(AuthOutcome.LOCKED_OUT, last().authOutcome());
    }

    @Test
    void theControlApiTurnsBasicBackOn() throws Exception {
        HttpRequest put = HttpRequest.newBuilder(URI.create(sim.controlUrl() + "/authentication"))
                .header("Authorization", "Bearer sim-control-token").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"basic\":true}")).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"basic\":true") && r.body().contains("\"ntlm\":true"), r.body());
        assertEquals(200, post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope("", GET_ROOT)).statusCode());
    }

    private RequestLogEntry last() {
        List<RequestLogEntry> log = sim.requestLog().entries();
        return log.get(log.size() - 1);
    }
}
