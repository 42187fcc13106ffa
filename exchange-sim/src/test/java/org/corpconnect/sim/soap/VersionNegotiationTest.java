package org.corpconnect.sim.soap;

import static org.corpconnect.sim.TestSupport.SERVICE;
import static org.corpconnect.sim.TestSupport.SERVICE_PASSWORD;
import static org.corpconnect.sim.TestSupport.basic;
import static org.corpconnect.sim.TestSupport.post;
import static org.corpconnect.sim.TestSupport.schemaDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RequestServerVersion as Exchange Online and Exchange 2019 answer it: every value of the schema's
 * ExchangeVersionType the server knows is served and the server reports its own build and version in
 * ServerVersionInfo; a value it does not know (outside the enumeration, or newer than the server) is
 * refused with the fault clients step down from, never with ErrorSchemaValidation.
 */
class VersionNegotiationTest {
    static final String RESOLVE = "<m:ResolveNames ReturnFullContactData=\"false\"><m:UnresolvedEntry>anna</m:UnresolvedEntry></m:ResolveNames>";

    static String request(String version) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\""
                + " xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\">"
                + "<soap:Header><t:RequestServerVersion Version=\"" + version + "\"/></soap:Header>"
                + "<soap:Body>" + RESOLVE + "</soap:Body></soap:Envelope>";
    }

    private static HttpResponse<String> send(ServerProfile profile, String version) throws Exception {
        try (ExchangeSimulator sim = ExchangeSimulator.builder().port(0).schemaDir(schemaDir()).dataset(Dataset.demo())
                .validateResponses(true).serverProfile(profile).start()) {
            HttpResponse<String> r = post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), request(version));
            sim.assertAllResponsesValid();
            RequestLogEntry logged = sim.requestLog().entries().get(sim.requestLog().entries().size() - 1);
            assertEquals(version, logged.requestServerVersion(), "the requested version is logged as sent");
            return r;
        }
    }

    @ParameterizedTest
    @EnumSource(ExchangeVersion.class)
    void exchangeOnlineServesEveryVersionOfTheSchemaAndReportsItsOwn(ExchangeVersion version) throws Exception {
        HttpResponse<String> r = send(ServerProfile.EXCHANGE_ONLINE, version.name());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("<h:ServerVersionInfo xmlns:h=\"http://schemas.microsoft.com/exchange/services/2006/types\""
                + " MajorVersion=\"15\" MinorVersion=\"20\""), r.body());
        assertTrue(r.body().contains("Version=\"V2018_01_08\"/>"), r.body());
        assertTrue(r.body().contains("<m:ResponseCode>NoError</m:ResponseCode>"), r.body());
    }

    @ParameterizedTest
    @EnumSource(value = ExchangeVersion.class, names = {"V2017_10_09", "V2018_01_08"}, mode = EnumSource.Mode.EXCLUDE)
    void exchange2019ServesTheVersionsUpToItsOwnAndReportsV2017_07_11(ExchangeVersion version) throws Exception {
        HttpResponse<String> r = send(ServerProfile.EXCHANGE_2019, version.name());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("MajorVersion=\"15\" MinorVersion=\"2\" MajorBuildNumber=\"1544\" MinorBuildNumber=\"4\""
                + " Version=\"V2017_07_11\"/>"), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Exchange2019", "Exchange2007_SP3", "Exchange2016_SP1", "V2099_01_01", "exchange2013", "2013"})
    void exchangeOnlineRefusesAnUnknownVersionWithErrorInvalidServerVersion(String version) throws Exception {
        HttpResponse<String> r = send(ServerProfile.EXCHANGE_ONLINE, version);
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("<faultcode xmlns:a=\"http://schemas.microsoft.com/exchange/services/2006/types\">"
                + "a:ErrorInvalidServerVersion</faultcode><faultstring xml:lang=\"en-US\">The specified server version is invalid."
                + "</faultstring>"), r.body());
        assertTrue(r.body().contains("<e:ResponseCode xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">"
                + "ErrorInvalidServerVersion</e:ResponseCode>"), r.body());
        assertTrue(!r.body().contains("ServerVersionInfo"), "faults carry no ServerVersionInfo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Exchange2019", "V2017_10_09", "V2018_01_08", "V2099_01_01"})
    void exchange2019RefusesWhatItDoesNotKnowWithErrorInvalidRequest(String version) throws Exception {
        HttpResponse<String> r = send(ServerProfile.EXCHANGE_2019, version);
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains(">a:ErrorInvalidRequest</faultcode><faultstring xml:lang=\"en-US\">The request is invalid."
                + "</faultstring><detail><e:ResponseCode xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">"
                + "ErrorInvalidRequest</e:ResponseCode><e:Message xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">"
                + "The request is invalid.</e:Message></detail>"), r.body());
    }

    @Test
    void aClientSteppingDownFromAnUnknownVersionIsServedAtTheNextOne() throws Exception {
        try (ExchangeSimulator sim = ExchangeSimulator.builder().port(0).schemaDir(schemaDir()).dataset(Dataset.demo())
                .validateResponses(true).serverProfile(ServerProfile.EXCHANGE_2019).start()) {
            String auth = basic(SERVICE, SERVICE_PASSWORD);
            assertEquals(500, post(sim.ewsUrl(), auth, request("Exchange2019")).statusCode());
            assertEquals(500, post(sim.ewsUrl(), auth, request("V2018_01_08")).statusCode());
            HttpResponse<String> r = post(sim.ewsUrl(), auth, request("V2017_07_11"));
            assertEquals(200, r.statusCode(), r.body());
            sim.assertAllResponsesValid();
        }
    }

    @Test
    void theServerVersionIsChosenOnTheCommandLine() {
        assertEquals(ServerProfile.EXCHANGE_2019, ServerProfile.parse("2019"));
        assertEquals(ServerProfile.EXCHANGE_ONLINE, ServerProfile.parse("online"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ServerProfile.parse("2003"));
    }
}
