package org.corpconnect.sim.control;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.faults.FaultRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON control API: token, data sets, mailboxes, permissions, impersonation, events, faults, request log. */
class ControlApiTest {
    private ExchangeSimulator sim;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        sim = demo();
    }

    @AfterEach
    void stop() {
        sim.assertAllResponsesValid();
        sim.close();
    }

    private HttpResponse<String> call(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.controlUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonStructure json(String method, String path, String body) throws Exception {
        HttpResponse<String> r = call(method, path, body, "t");
        assertTrue(r.statusCode() < 300, r.statusCode() + " " + r.body());
        return r.body().isEmpty() ? null : Json.createReader(new StringReader(r.body())).read();
    }

    @Test
    void theControlTokenIsRequired() throws Exception {
        assertEquals(401, call("GET", "/health", null, null).statusCode());
        assertEquals(401, call("GET", "/health", null, "wrong").statusCode());
        assertEquals(200, call("GET", "/health", null, "t").statusCode());
        assertEquals(404, call("GET", "/nothing", null, "t").statusCode());
    }

    @Test
    void loadsDataSetsIncludingGeneratedOnes() throws Exception {
        JsonObject r = (JsonObject) json("POST", "/dataset", "{\"type\":\"generated\",\"mailboxes\":50}");
        assertEquals(51, r.getInt("mailboxes"));
        r = (JsonObject) json("POST", "/dataset", "{\"domain\":\"fabrikam.test\",\"serviceMailbox\":\"svc@fabrikam.test\","
                + "\"mailboxes\":[{\"address\":\"svc@fabrikam.test\",\"password\":\"p\"},"
                + "{\"address\":\"ann@fabrikam.test\",\"displayName\":\"Ann\",\"timeZone\":\"America/New_York\","
                + "\"grants\":{\"svc@fabrikam.test\":\"Reviewer\"},"
                + "\"events\":[{\"subject\":\"Standup\",\"start\":\"2030-01-07T14:00:00Z\",\"end\":\"2030-01-07T14:15:00Z\","
                + "\"recurrence\":{\"pattern\":\"DAILY\",\"startDate\":\"2030-01-07\",\"count\":5}}]}],"
                + "\"impersonation\":{\"svc@fabrikam.test\":[\"ann@fabrikam.test\"]}}");
        assertEquals(2, r.getInt("mailboxes"));
        assertEquals(CalendarAccess.REVIEWER, sim.directory().get("ann@fabrikam.test").accessFor(MailboxAddress.of("svc@fabrikam.test")));
        JsonArray events = (JsonArray) json("GET", "/mailboxes/ann@fabrikam.test/events?start=2030-01-01T00:00:00Z&end=2030-02-01T00:00:00Z", null);
        assertEquals(5, events.size(), "the series is expanded");
        assertTrue(sim.directory().impersonationOf(MailboxAddress.of("svc@fabrikam.test")).orElseThrow()
                .covers(MailboxAddress.of("ann@fabrikam.test")));
    }

    @Test
    void mailboxesPasswordsPermissionsAndImpersonation() throws Exception {
        json("POST", "/mailboxes", "{\"address\":\"new.user@contoso.test\",\"displayName\":\"New User\",\"password\":\"Pw1!\",\"timeZone\":\"Asia/Tokyo\"}");
        assertEquals(409, call("POST", "/mailboxes", "{\"address\":\"new.user@contoso.test\"}", "t").statusCode());
        json("PUT", "/mailboxes/new.user@contoso.test/password", "{\"password\":\"Pw2!\"}");
        assertEquals(200, post(sim.ewsUrl(), basic("new.user@contoso.test", "Pw2!"),
                envelope("", org.corpconnect.sim.EwsEndpointTestAccess.GUA)).statusCode());
        JsonObject perms = (JsonObject) json("PUT", "/mailboxes/new.user@contoso.test/permissions/" + SERVICE, "{\"level\":\"Editor\"}");
        assertEquals("EDITOR", perms.getString(SERVICE));
        json("PUT", "/mailboxes/new.user@contoso.test/permissions/Default", "{\"level\":\"None\"}");
        assertEquals(CalendarAccess.NONE, sim.directory().get("new.user@contoso.test").defaultAccess());
        JsonObject imp = (JsonObject) json("PUT", "/impersonation/" + SERVICE, "{\"scope\":\"all\"}");
        assertEquals("all", imp.getString(SERVICE));
        json("DELETE", "/impersonation/" + SERVICE, null);
        assertTrue(sim.directory().impersonationOf(MailboxAddress.of(SERVICE)).isEmpty());
        json("DELETE", "/mailboxes/new.user@contoso.test", null);
        assertTrue(sim.directory().find("new.user@contoso.test").isEmpty());
    }

    @Test
    void eventsCanBeAddedMovedReadAndDeleted() throws Exception {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        JsonObject created = (JsonObject) json("POST", "/mailboxes/" + ANNA + "/events", "{\"subject\":\"Added\",\"start\":\""
                + start + "\",\"end\":\"" + start.plusSeconds(3600) + "\",\"freeBusy\":\"OOF\","
                + "\"extendedProperties\":[{\"propertySetId\":\"c11ff724-aa03-4555-9952-8fa248a11c3e\",\"name\":\"BookingId\",\"value\":\"b-1\"}]}");
        String id = created.getString("id");
        json("PATCH", "/mailboxes/" + ANNA + "/events/" + id, "{\"start\":\"" + start.plusSeconds(7200) + "\",\"end\":\""
                + start.plusSeconds(10800) + "\"}");
        JsonArray events = (JsonArray) json("GET", "/mailboxes/" + ANNA + "/events?start=" + start + "&end=" + start.plusSeconds(86400), null);
        JsonObject moved = events.getValuesAs(JsonObject.class).stream().filter(e -> e.getString("id").equals(id)).findFirst().orElseThrow();
        assertEquals(start.plusSeconds(7200).toString(), moved.getString("start"));
        assertEquals("OOF", moved.getString("freeBusy"));
        json("DELETE", "/mailboxes/" + ANNA + "/events/" + id, null);
        assertEquals(404, call("GET", "/mailboxes/" + ANNA + "/events/" + id, null, "t").statusCode());
    }

    @Test
    void faultRulesAndTheRequestLog() throws Exception {
        JsonObject rule = (JsonObject) json("POST", "/faults", "{\"kind\":\"HTTP_503\",\"times\":1}");
        assertEquals(1, sim.faults().rules().size());
        assertEquals(FaultRule.Kind.HTTP_503, sim.faults().rules().get(0).kind());
        assertEquals(503, post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD),
                envelope("", org.corpconnect.sim.EwsEndpointTestAccess.GUA)).statusCode());
        assertTrue(sim.faults().rules().isEmpty(), "used up: " + rule);
        post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope("", org.corpconnect.sim.EwsEndpointTestAccess.GUA));
        JsonArray log = (JsonArray) json("GET", "/requests?operation=GetUserAvailabilityRequest", null);
        assertEquals(2, log.size());
        JsonObject last = log.getJsonObject(1);
        assertEquals(SERVICE, last.getString("authenticatedAs"));
        assertEquals("SUCCESS", last.getString("authOutcome"));
        assertEquals("FreeBusy", last.getString("requestedView"));
        assertEquals(ANNA, last.getJsonArray("targetMailboxes").getString(0));
        json("DELETE", "/requests", null);
        assertEquals(0, ((JsonArray) json("GET", "/requests", null)).size());
        JsonObject throttling = (JsonObject) json("PUT", "/throttling", "{\"budget\":5,\"backOffMillis\":100}");
        assertEquals(5, throttling.getInt("budget"));
        assertEquals(5, sim.throttle().budget());
        assertEquals(0, ((JsonArray) json("GET", "/validation-failures", null)).size());
    }
}
