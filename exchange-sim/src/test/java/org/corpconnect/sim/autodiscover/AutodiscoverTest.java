package org.corpconnect.sim.autodiscover;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import microsoft.exchange.webservices.data.autodiscover.AutodiscoverService;
import microsoft.exchange.webservices.data.autodiscover.enumeration.UserSettingName;
import microsoft.exchange.webservices.data.autodiscover.response.GetUserSettingsResponse;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import org.corpconnect.sim.ExchangeSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Autodiscover: from the mailbox address alone to the EWS URL, with ews-java-api's AutodiscoverService and POX. */
class AutodiscoverTest {
    private static ExchangeSimulator sim;

    @BeforeAll
    static void start() {
        sim = demo();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void ewsJavaApiGetsTheEwsUrlForAMailbox() throws Exception {
        AutodiscoverService autodiscover = new AutodiscoverService(sim.autodiscoverUrl(), ExchangeVersion.Exchange2010_SP2);
        autodiscover.setCredentials(new WebCredentials(SERVICE, SERVICE_PASSWORD));
        GetUserSettingsResponse r = autodiscover.getUserSettings(SERVICE, UserSettingName.ExternalEwsUrl,
                UserSettingName.InternalEwsUrl, UserSettingName.UserDisplayName);
        assertEquals(sim.ewsUrl().toString(), r.getSettings().get(UserSettingName.ExternalEwsUrl));
        assertEquals("Booking Service", r.getSettings().get(UserSettingName.UserDisplayName));
    }

    @Test
    void poxAutodiscoverAnswersWithTheEwsUrl() throws Exception {
        String request = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">"
                + "<Request><EMailAddress>" + ANNA + "</EMailAddress><AcceptableResponseSchema>"
                + "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>";
        HttpResponse<String> r = post(sim.baseUrl().resolve("/autodiscover/autodiscover.xml"), basic(ANNA, USER_PASSWORD), request);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<EwsUrl>" + sim.ewsUrl() + "</EwsUrl>"), r.body());
        assertEquals(401, post(sim.baseUrl().resolve("/autodiscover/autodiscover.xml"), null, request).statusCode());
    }
}
