package org.corpconnect.sim.timezones;

import static org.corpconnect.sim.TestSupport.SERVICE;
import static org.corpconnect.sim.TestSupport.SERVICE_PASSWORD;
import static org.corpconnect.sim.TestSupport.basic;
import static org.corpconnect.sim.TestSupport.envelope;
import static org.corpconnect.sim.TestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.corpconnect.sim.calendar.WindowsZones;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.junit.ExchangeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GetServerTimeZones, raw SOAP: all zones, chosen ones with their transitions, ids only, an unknown id. */
class GetServerTimeZonesTest {
    @RegisterExtension
    static ExchangeSimulatorExtension exchange = ExchangeSimulatorExtension.withDataset(Dataset.demo());

    HttpResponse<String> call(String body) throws Exception {
        HttpResponse<String> r = post(exchange.simulator().ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope("", body));
        exchange.simulator().assertAllResponsesValid();
        return r;
    }

    @Test
    void everyKnownZoneByDefaultAndChosenOnesWithTheirTransitions() throws Exception {
        HttpResponse<String> all = call("<m:GetServerTimeZones/>");
        assertEquals(WindowsZones.windowsIds().size(), all.body().split("<t:TimeZoneDefinition ").length - 1, all.body());
        HttpResponse<String> berlin = call("<m:GetServerTimeZones ReturnFullTimeZoneData=\"true\"><m:Ids>"
                + "<t:Id>W. Europe Standard Time</t:Id></m:Ids></m:GetServerTimeZones>");
        assertTrue(berlin.body().contains("<t:TimeZoneDefinition Id=\"W. Europe Standard Time\"><t:Periods>"), berlin.body());
        assertTrue(berlin.body().contains("<t:RecurringDayTransition>"), berlin.body());
        HttpResponse<String> idsOnly = call("<m:GetServerTimeZones ReturnFullTimeZoneData=\"false\"><m:Ids>"
                + "<t:Id>Tokyo Standard Time</t:Id></m:Ids></m:GetServerTimeZones>");
        assertTrue(idsOnly.body().contains("<t:TimeZoneDefinition Id=\"Tokyo Standard Time\"/>"), idsOnly.body());
        assertFalse(idsOnly.body().contains("<t:Periods>"));
    }

    @Test
    void anUnknownZoneIsErrorTimeZone() throws Exception {
        HttpResponse<String> r = call("<m:GetServerTimeZones><m:Ids><t:Id>Mars Standard Time</t:Id></m:Ids></m:GetServerTimeZones>");
        assertTrue(r.body().contains("<m:GetServerTimeZonesResponseMessage ResponseClass=\"Error\">"), r.body());
        assertTrue(r.body().contains("<m:ResponseCode>ErrorTimeZone</m:ResponseCode>"), r.body());
    }
}
