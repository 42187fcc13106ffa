package org.corpconnect.sim.graph.schema;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.corpconnect.sim.TestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The check Graph bodies pass in test mode, against Microsoft's own CSDL. */
class GraphSchemaTest {
    private static GraphSchema schema;

    @BeforeAll
    static void read() {
        schema = GraphSchema.read(TestSupport.sharedDir().resolve("graph-schema").resolve("v1.0-cleanMetadata.xml"));
    }

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s.replace('\'', '"'))).readObject();
    }

    @Test
    void anEventWithDeclaredPropertiesOfTheDeclaredTypesPasses() {
        assertEquals(java.util.List.of(), schema.check(json("{'@odata.etag':'W/\\'x\\'','id':'AAMk','subject':'s','isAllDay':false,"
                + "'showAs':'busy','start':{'dateTime':'2026-12-07T09:00:00.0000000','timeZone':'UTC'},"
                + "'createdDateTime':'2026-12-06T10:00:00Z','reminderMinutesBeforeStart':15,'categories':['a'],"
                + "'singleValueExtendedProperties':[{'id':'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name B','value':'v'}]}"),
                "microsoft.graph.event"));
    }

    @Test
    void unknownPropertiesWrongTypesAndUnknownEnumMembersAreViolations() {
        assertTrue(schema.check(json("{'subjekt':'s'}"), "microsoft.graph.event").get(0).contains("subjekt"));
        assertTrue(schema.check(json("{'isAllDay':'yes'}"), "microsoft.graph.event").get(0).contains("Edm.Boolean"));
        assertTrue(schema.check(json("{'showAs':'Busy'}"), "microsoft.graph.event").get(0).contains("freeBusyStatus"));
        assertTrue(schema.check(json("{'reminderMinutesBeforeStart':1.5}"), "microsoft.graph.event").get(0).contains("Edm.Int32"));
        assertTrue(schema.check(json("{'createdDateTime':'yesterday'}"), "microsoft.graph.event").get(0).contains("DateTimeOffset"));
        assertTrue(schema.check(json("{'start':{'dateTime':'x','zone':'UTC'}}"), "microsoft.graph.event").get(0).contains("zone"));
        assertTrue(schema.check(json("{'attendees':{'type':'required'}}"), "microsoft.graph.event").get(0).contains("array"));
        assertFalse(schema.check(json("{'id':null}"), "microsoft.graph.event").isEmpty(), "entity ids are not nullable");
    }

    @Test
    void odataTypeSelectsADerivedTypeAndRefusesAnUnrelatedOne() {
        assertEquals(java.util.List.of(), schema.check(json("{'@odata.type':'#microsoft.graph.attendee','type':'required',"
                + "'emailAddress':{'address':'a@b'}}"), "microsoft.graph.recipient"));
        assertFalse(schema.check(json("{'@odata.type':'#microsoft.graph.user'}"), "microsoft.graph.recipient").isEmpty());
    }

    @Test
    void actionBodiesAreCheckedAgainstTheActionsParametersInAnyCase() {
        assertEquals(java.util.List.of(), schema.checkActionBody(json("{'schedules':['a@b'],'availabilityViewInterval':30,"
                + "'startTime':{'dateTime':'2026-12-07T00:00:00','timeZone':'UTC'}}"), "getSchedule", "microsoft.graph.calendar"));
        assertTrue(schema.checkActionBody(json("{'schedules':'a@b'}"), "getSchedule", "microsoft.graph.calendar").get(0)
                .contains("array"));
        assertTrue(schema.checkActionBody(json("{'Comment':'x','reason':'y'}"), "cancel", "microsoft.graph.event").get(0)
                .contains("reason"));
    }
}
