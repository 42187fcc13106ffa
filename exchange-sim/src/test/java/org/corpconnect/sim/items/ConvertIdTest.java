package org.corpconnect.sim.items;

import static org.corpconnect.sim.TestSupport.ANNA;
import static org.corpconnect.sim.TestSupport.SERVICE;
import static org.corpconnect.sim.TestSupport.SERVICE_PASSWORD;
import static org.corpconnect.sim.TestSupport.basic;
import static org.corpconnect.sim.TestSupport.envelope;
import static org.corpconnect.sim.TestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.junit.ExchangeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ConvertId, raw SOAP: a round trip through HexEntryId, and malformed ids in the operation's error shape. */
class ConvertIdTest {
    @RegisterExtension
    static ExchangeSimulatorExtension exchange = ExchangeSimulatorExtension.withDataset(Dataset.demo());

    static String convert(String destination, String format, String id, String mailbox) {
        return "<m:ConvertId DestinationFormat=\"" + destination + "\"><m:SourceIds><t:AlternateId Format=\"" + format
                + "\" Id=\"" + id + "\" Mailbox=\"" + mailbox + "\"/></m:SourceIds></m:ConvertId>";
    }

    HttpResponse<String> call(String body) throws Exception {
        HttpResponse<String> r = post(exchange.simulator().ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope("", body));
        exchange.simulator().assertAllResponsesValid();
        return r;
    }

    @Test
    void anIdGoesToHexEntryIdAndBack() throws Exception {
        String ewsId = ItemIds.calendarFolderId(MailboxAddress.of(ANNA));
        HttpResponse<String> hex = call(convert("HexEntryId", "EwsId", ewsId, ANNA));
        Matcher m = Pattern.compile("<m:AlternateId [^>]*xsi:type=\"t:AlternateIdType\" Format=\"HexEntryId\" Id=\"([0-9A-F]+)\" Mailbox=\""
                + ANNA + "\"/>").matcher(hex.body());
        assertTrue(m.find(), hex.body());
        HttpResponse<String> back = call(convert("EwsId", "HexEntryId", m.group(1), ANNA));
        assertTrue(back.body().contains("Format=\"EwsId\" Id=\"" + ewsId + "\""), back.body());
    }

    @Test
    void aMalformedIdOrAnotherMailboxIsErrorInvalidIdMalformed() throws Exception {
        HttpResponse<String> dummy = call(convert("EntryId", "EwsId", "DUMMY", "DUMMY"));
        assertEquals(200, dummy.statusCode());
        assertTrue(dummy.body().contains("<m:ConvertIdResponseMessage ResponseClass=\"Error\"><m:MessageText>Id is malformed."
                + "</m:MessageText><m:ResponseCode>ErrorInvalidIdMalformed</m:ResponseCode><m:DescriptiveLinkKey>0"
                + "</m:DescriptiveLinkKey></m:ConvertIdResponseMessage>"), dummy.body());
        String annas = ItemIds.calendarFolderId(MailboxAddress.of(ANNA));
        HttpResponse<String> other = call(convert("HexEntryId", "EwsId", annas, SERVICE));
        assertTrue(other.body().contains("<m:ResponseCode>ErrorInvalidIdMalformed</m:ResponseCode>"), other.body());
    }
}
