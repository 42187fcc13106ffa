package org.corpconnect.sim.soap;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.corpconnect.sim.ExchangeSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Responses are written for the requested version: what a version's schema cannot say is not sent.
 * In test mode, responses to Exchange 2010 SP2 and earlier are also validated against the 2010 SP2 schema.
 */
class VersionHonouringTest {
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

    private static String findWednesday(String version) throws Exception {
        LocalDate wednesday = LocalDate.now(ZoneId.of("Europe/Berlin")).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(2);
        String body = "<m:FindItem Traversal=\"Shallow\"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>"
                + "<t:FieldURI FieldURI=\"item:Subject\"/><t:FieldURI FieldURI=\"calendar:LegacyFreeBusyStatus\"/></t:AdditionalProperties></m:ItemShape>"
                + "<m:CalendarView StartDate=\"" + wednesday + "T00:00:00Z\" EndDate=\"" + wednesday.plusDays(1) + "T00:00:00Z\"/>"
                + "<m:ParentFolderIds><t:DistinguishedFolderId Id=\"calendar\"/></m:ParentFolderIds></m:FindItem>";
        String request = envelope("<t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>" + ANNA
                + "</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>", body).replace("Exchange2013", version);
        HttpResponse<String> r = post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), request);
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void workingElsewhereExistsFromExchange2013On() throws Exception {
        String current = findWednesday("Exchange2013");
        assertTrue(current.contains("<t:Subject>Working from home</t:Subject><t:LegacyFreeBusyStatus>WorkingElsewhere</t:LegacyFreeBusyStatus>"), current);
        String older = findWednesday("Exchange2010_SP2");
        assertTrue(older.contains("<t:Subject>Working from home</t:Subject><t:LegacyFreeBusyStatus>Free</t:LegacyFreeBusyStatus>"), older);
        assertFalse(older.contains("WorkingElsewhere"));
    }

    @Test
    void uidIsNotSentToExchange2007Clients() throws Exception {
        String body = "<m:FindItem Traversal=\"Shallow\"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>"
                + "<t:FieldURI FieldURI=\"calendar:UID\"/></t:AdditionalProperties></m:ItemShape>"
                + "<m:IndexedPageItemView MaxEntriesReturned=\"1\" Offset=\"0\" BasePoint=\"Beginning\"/>"
                + "<m:ParentFolderIds><t:DistinguishedFolderId Id=\"calendar\"/></m:ParentFolderIds></m:FindItem>";
        String withVersion = post(sim.ewsUrl(), basic(ANNA, USER_PASSWORD), envelope("", body)).body();
        assertTrue(withVersion.contains("<t:UID>"), withVersion);
        String noHeader = envelope("", body).replace("<t:RequestServerVersion Version=\"Exchange2013\"/>", "");
        String initial2007 = post(sim.ewsUrl(), basic(ANNA, USER_PASSWORD), noHeader).body();
        assertFalse(initial2007.contains("<t:UID>"), "without the header Exchange answers as the initial Exchange 2007");
    }

    /**
     * EffectiveRights/ViewPrivateItems is in the Exchange 2010 reference and the 2010 SP2 schema (not in
     * 2007 SP1's), and Microsoft's SyncFolderItems sample answers an Exchange2010_SP2 request with it.
     */
    @Test
    void viewPrivateItemsIsSentFromExchange2010On() throws Exception {
        String body = "<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>"
                + "<t:FieldURI FieldURI=\"folder:EffectiveRights\"/></t:AdditionalProperties></m:FolderShape>"
                + "<m:FolderIds><t:DistinguishedFolderId Id=\"calendar\"/></m:FolderIds></m:GetFolder>";
        String sp2 = post(sim.ewsUrl(), basic(ANNA, USER_PASSWORD), envelope("", body).replace("Exchange2013", "Exchange2010_SP2")).body();
        assertTrue(sp2.contains("<t:ViewPrivateItems>true</t:ViewPrivateItems>"), sp2);
        String sp1of2007 = post(sim.ewsUrl(), basic(ANNA, USER_PASSWORD), envelope("", body).replace("Exchange2013", "Exchange2007_SP1")).body();
        assertTrue(sp1of2007.contains("<t:Read>true</t:Read>"), sp1of2007);
        assertFalse(sp1of2007.contains("ViewPrivateItems"), sp1of2007);
    }

    /**
     * calendar:StartTimeZone (Exchange2010 on) comes as a whole TimeZoneDefinition: periods and the
     * transitions between them. ews-javascript-api, like the Managed API it ports, rejects a definition
     * without transitions, and showed the property as null when only the Id was sent.
     */
    @Test
    void startTimeZoneIsAWholeDefinitionFromExchange2010On() throws Exception {
        String body = "<m:FindItem Traversal=\"Shallow\"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>"
                + "<t:FieldURI FieldURI=\"calendar:StartTimeZone\"/><t:FieldURI FieldURI=\"calendar:EndTimeZone\"/>"
                + "</t:AdditionalProperties></m:ItemShape>"
                + "<m:IndexedPageItemView MaxEntriesReturned=\"1\" Offset=\"0\" BasePoint=\"Beginning\"/>"
                + "<m:ParentFolderIds><t:DistinguishedFolderId Id=\"calendar\"/></m:ParentFolderIds></m:FindItem>";
        String berlin = post(sim.ewsUrl(), basic(ANNA, USER_PASSWORD), envelope("", body)).body();
        assertTrue(berlin.contains("<t:StartTimeZone Id=\"W. Europe Standard Time\"><t:Periods><t:Period Bias=\"-PT1H\" Name=\"Standard\""), berlin);
        assertTrue(berlin.contains("<t:Period Bias=\"-PT2H\" Name=\"Daylight\""), berlin);
        assertTrue(berlin.contains("<t:TimeOffset>PT2H</t:TimeOffset><t:Month>3</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek>"
                + "<t:Occurrence>-1</t:Occurrence>"), berlin);
        assertTrue(berlin.contains("<t:Transitions><t:Transition><t:To Kind=\"Group\">0</t:To></t:Transition></t:Transitions>"
                + "</t:StartTimeZone><t:EndTimeZone Id=\"W. Europe Standard Time\">"), berlin);
        String tokyo = post(sim.ewsUrl(), basic(YUKI, USER_PASSWORD), envelope("", body)).body();
        assertTrue(tokyo.contains("<t:Period Bias=\"-PT9H\" Name=\"Standard\""), tokyo);
        assertFalse(tokyo.contains("Daylight"), tokyo);
        String sp2 = post(sim.ewsUrl(), basic(ANNA, USER_PASSWORD), envelope("", body).replace("Exchange2013", "Exchange2010_SP2")).body();
        assertTrue(sp2.contains("<t:StartTimeZone Id=\"W. Europe Standard Time\">"), "valid against the 2010 SP2 schema too: " + sp2);
        String older = post(sim.ewsUrl(), basic(ANNA, USER_PASSWORD), envelope("", body).replace("Exchange2013", "Exchange2007_SP1")).body();
        assertTrue(older.contains("<t:ItemId"), older);
        assertFalse(older.contains("StartTimeZone"), "StartTimeZone exists from Exchange2010 on");
    }
}
