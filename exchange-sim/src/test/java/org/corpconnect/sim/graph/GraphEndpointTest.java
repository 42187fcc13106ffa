package org.corpconnect.sim.graph;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.faults.FaultRule;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Graph endpoint at the HTTP level, where an SDK would hide it: OData errors and ids headers, the
 * $batch rules, throttling per app and mailbox, fault rules, the request log, and a request body the
 * schema refuses (recorded as a failure, which is why this class runs its own simulator).
 */
class GraphEndpointTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ExchangeSimulator sim;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        sim = demo();
        token = GraphSdk.token(sim);
    }

    @AfterAll
    static void stop() {
        List<String> failures = sim.responseValidationFailures();
        sim.close();
        assertEquals(1, failures.size(), "only the deliberately invalid request body: " + failures);
        assertTrue(failures.get(0).startsWith("Request to createEvent"), failures.get(0));
    }

    @BeforeEach
    void clean() {
        sim.faults().clear();
        sim.graph().throttle().configure(4, 10_000);
        sim.graph().throttle().reset();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.graphUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        return HTTP.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private static String event(String subject) {
        return "{\"subject\":\"" + subject + "\",\"start\":{\"dateTime\":\"2031-03-03T09:00:00\",\"timeZone\":\"UTC\"},"
                + "\"end\":{\"dateTime\":\"2031-03-03T10:00:00\",\"timeZone\":\"UTC\"}}";
    }

    @Test
    void errorsHaveGraphsShapeAndEveryAnswerItsIds() throws Exception {
        HttpResponse<String> r = send("GET", "/users/nobody@contoso.test/events", null);
        assertEquals(404, r.statusCode());
        JsonObject error = json(r).getJsonObject("error");
        assertEquals("ErrorInvalidUser", error.getString("code"));
        JsonObject inner = error.getJsonObject("innerError");
        assertEquals(r.headers().firstValue("request-id").orElseThrow(), inner.getString("request-id"));
        assertEquals(r.headers().firstValue("client-request-id").orElseThrow(), inner.getString("client-request-id"));
        assertTrue(inner.getString("date").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"));

        assertEquals("ErrorInvalidIdMalformed", json(send("GET", "/users/" + ANNA + "/events/not-an-id", null))
                .getJsonObject("error").getString("code"));
        assertEquals(400, send("GET", "/me/events", null).statusCode(), "/me needs a delegated token");
        assertEquals(400, send("GET", "/users/" + ANNA + "/calendarView", null).statusCode(), "a window is required");
    }

    @Test
    void preferHeadersSetThePageSizeAndTheZoneAndSayTheyWereApplied() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sim.graphUrl() + "/users/" + ANNA
                        + "/calendarView?startDateTime=" + java.time.Instant.now() + "&endDateTime="
                        + java.time.Instant.now().plus(java.time.Duration.ofDays(7))))
                .header("Authorization", "Bearer " + token)
                .header("Prefer", "odata.maxpagesize=2")
                .header("Prefer", "outlook.timezone=\"Tokyo Standard Time\"").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        JsonObject page = json(r);
        assertEquals(2, page.getJsonArray("value").size());
        assertTrue(page.getString("@odata.nextLink").startsWith(sim.graphUrl() + "/users/"), "an absolute link");
        assertEquals("Tokyo Standard Time", page.getJsonArray("value").getJsonObject(0).getJsonObject("start").getString("timeZone"));
        assertEquals("outlook.timezone=\"Tokyo Standard Time\"", r.headers().firstValue("Preference-Applied").orElseThrow());
    }

    @Test
    void aRequestBodyWithAPropertyTheSchemaDoesNotDeclareIsRefusedAndRecorded() throws Exception {
        int before = sim.responseValidationFailures().size();
        HttpResponse<String> r = send("POST", "/users/" + ANNA + "/events", event("x").replace("{\"subject\"", "{\"subjekt\":\"y\",\"subject\""));
        assertEquals(400, r.statusCode());
        assertEquals(before + 1, sim.responseValidationFailures().size());
    }

    @Test
    void batchLimitsDependenciesAndFailedDependencies() throws Exception {
        StringBuilder many = new StringBuilder("{\"requests\":[");
        for (int i = 1; i <= 21; i++) {
            many.append(i > 1 ? "," : "").append("{\"id\":\"").append(i).append("\",\"method\":\"GET\",\"url\":\"/users/")
                    .append(ANNA).append("/events?$top=1\"}");
        }
        assertEquals(400, send("POST", "/$batch", many.append("]}").toString()).statusCode(), "at most 20 requests");

        String batch = "{\"requests\":["
                + "{\"id\":\"1\",\"method\":\"POST\",\"url\":\"/users/" + DAVID + "/events\",\"headers\":{\"Content-Type\":\"application/json\"},"
                + "\"body\":" + event("out of scope") + "},"
                + "{\"id\":\"2\",\"dependsOn\":[\"1\"],\"method\":\"GET\",\"url\":\"/users/" + ANNA + "/events?$top=1\"},"
                + "{\"id\":\"3\",\"method\":\"POST\",\"url\":\"/users/" + ANNA + "/events\",\"headers\":{\"Content-Type\":\"application/json\"},"
                + "\"body\":" + event("in batch") + "},"
                + "{\"id\":\"4\",\"dependsOn\":[\"3\"],\"method\":\"GET\",\"url\":\"/users/" + ANNA + "/events?$top=1&$select=subject\"}]}";
        HttpResponse<String> r = send("POST", "/$batch", batch);
        assertEquals(200, r.statusCode());
        JsonArray responses = json(r).getJsonArray("responses");
        assertEquals(403, responses.getJsonObject(0).getInt("status"));
        assertEquals(424, responses.getJsonObject(1).getInt("status"));
        assertEquals(201, responses.getJsonObject(2).getInt("status"));
        assertEquals(200, responses.getJsonObject(3).getInt("status"));
        assertEquals("in batch", responses.getJsonObject(2).getJsonObject("body").getString("subject"));
    }

    @Test
    void throttlingCountsRequestsPerAppAndMailboxAndAnswers429WithRetryAfter() throws Exception {
        HttpResponse<String> limits = HTTP.send(HttpRequest.newBuilder(URI.create(sim.controlUrl() + "/graph-throttling"))
                .header("Authorization", "Bearer t").PUT(HttpRequest.BodyPublishers.ofString("{\"requestsPer10Minutes\":3}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"concurrency\":4,\"requestsPer10Minutes\":3}", limits.body());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, send("GET", "/users/" + ANNA + "/events?$top=1", null).statusCode());
        }
        HttpResponse<String> throttled = send("GET", "/users/" + ANNA + "/events?$top=1", null);
        assertEquals(429, throttled.statusCode());
        assertEquals("ApplicationThrottled", json(throttled).getJsonObject("error").getString("code"));
        assertTrue(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()) > 0);
        assertEquals(200, send("GET", "/users/" + MIA + "/events?$top=1", null).statusCode(), "another mailbox has its own budget");

        sim.graph().throttle().configure(4, 10_000);
        sim.faults().add(FaultRule.of(FaultRule.Kind.LATENCY).forOperation("listEvents").forMailbox(YUKI).millis(3000).times(5));
        List<CompletableFuture<HttpResponse<String>>> parallel = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return send("GET", "/users/" + YUKI + "/events?$top=1", null);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();
        List<Integer> statuses = parallel.stream().map(f -> f.join().statusCode()).sorted().toList();
        assertEquals(List.of(200, 200, 200, 200, 429), statuses, "four concurrent requests per mailbox");
    }

    @Test
    void faultRulesApplyToGraphOperations() throws Exception {
        sim.faults().add(FaultRule.of(FaultRule.Kind.HTTP_503).forOperation("getSchedule").times(1));
        String body = "{\"schedules\":[\"" + ANNA + "\"],\"startTime\":{\"dateTime\":\"2031-03-03T00:00:00\",\"timeZone\":\"UTC\"},"
                + "\"endTime\":{\"dateTime\":\"2031-03-04T00:00:00\",\"timeZone\":\"UTC\"}}";
        assertEquals(503, send("POST", "/users/" + ANNA + "/calendar/getSchedule", body).statusCode());
        assertEquals(200, send("POST", "/users/" + ANNA + "/calendar/getSchedule", body).statusCode());

        // Twice: the JDK's client sends an idempotent GET once more when the connection drops.
        sim.faults().add(FaultRule.of(FaultRule.Kind.CONNECTION_RESET).forOperation("listEvents").times(2));
        assertThrows(IOException.class, () -> send("GET", "/users/" + ANNA + "/events", null));

        sim.faults().add(FaultRule.of(FaultRule.Kind.COMMIT_THEN_DROP).forOperation("createEvent").forMailbox(MIA).times(1));
        assertThrows(IOException.class, () -> send("POST", "/users/" + MIA + "/events", event("Committed, then dropped")));
        assertTrue(sim.directory().get(MIA).calendar().items().stream().anyMatch(i -> i.subject().equals("Committed, then dropped")),
                "the event exists although the client saw no answer");
    }

    @Test
    void aCalendarReadWithSelectReturnsOnlyThoseAndItsKey() throws Exception {
        sim.requestLog().clear();
        HttpResponse<String> r = send("GET", "/users/" + ANNA + "/calendar?$select=canEdit", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(java.util.Set.of("@odata.context", "id", "canEdit"), json(r).keySet());
        RequestLogEntry e = sim.requestLog().entries(l -> "getCalendar".equals(l.operation())).get(0);
        assertEquals(List.of("canEdit"), e.requestedProperties());
        assertEquals(List.of("id", "canEdit"), e.returnedProperties());
        assertTrue(json(send("GET", "/users/" + ANNA + "/calendar", null)).containsKey("owner"), "all without $select");
    }

    @Test
    void aFaultRuleForAnAppTakesEveryRequestOfThatAppDownAndNoOtherCaller() throws Exception {
        String body = "{\"schedules\":[\"" + ANNA + "\"],\"startTime\":{\"dateTime\":\"2031-03-03T00:00:00\",\"timeZone\":\"UTC\"},"
                + "\"endTime\":{\"dateTime\":\"2031-03-04T00:00:00\",\"timeZone\":\"UTC\"}}";
        sim.faults().add(FaultRule.of(FaultRule.Kind.HTTP_503).forMailbox("app:" + GraphSdk.CLIENT_ID).times(-1));
        assertEquals(503, send("POST", "/users/" + ANNA + "/calendar/getSchedule", body).statusCode());
        assertEquals(503, send("GET", "/users/" + MIA + "/events", null).statusCode());

        sim.faults().clear();
        sim.faults().add(FaultRule.of(FaultRule.Kind.HTTP_503).forMailbox("app:another-app").times(-1));
        assertEquals(200, send("GET", "/users/" + MIA + "/events", null).statusCode(), "another app's rule");
    }

    @Test
    void theRequestLogSaysWhoCalledWhichMailboxAndWhatWasAskedAndReturned() throws Exception {
        sim.requestLog().clear();
        send("GET", "/users/" + ANNA + "/calendarView?startDateTime=2031-03-03T00:00:00Z&endDateTime=2031-03-04T00:00:00Z"
                + "&$select=start,end,showAs", null);
        RequestLogEntry e = sim.requestLog().entries(l -> "calendarView".equals(l.operation())).get(0);
        assertEquals("app:" + GraphSdk.CLIENT_ID, e.authenticatedAs());
        assertEquals(GraphSdk.CLIENT_ID, e.application());
        assertEquals("app-only", e.accessMode());
        assertEquals(List.of(ANNA), e.targetMailboxes());
        assertEquals(List.of("start", "end", "showAs"), e.requestedProperties());
        assertEquals(200, e.httpStatus());

        HttpResponse<String> control = HTTP.send(HttpRequest.newBuilder(URI.create(sim.controlUrl() + "/requests?operation=calendarView"))
                .header("Authorization", "Bearer t").GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonObject logged = Json.createReader(new StringReader(control.body())).readArray().getJsonObject(0);
        assertEquals("app-only", logged.getString("accessMode"));
        assertEquals(GraphSdk.CLIENT_ID, logged.getString("application"));
        assertNotNull(logged.getJsonArray("returnedProperties"));

        String id = json(send("POST", "/users/" + ANNA + "/events", event("Seen by the control API"))).getString("id");
        HttpResponse<String> events = HTTP.send(HttpRequest.newBuilder(URI.create(sim.controlUrl() + "/mailboxes/" + ANNA
                        + "/events?start=2031-03-03T00:00:00Z&end=2031-03-04T00:00:00Z")).header("Authorization", "Bearer t").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(Json.createReader(new StringReader(events.body())).readArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(o -> o.getString("graphId").equals(id)), "the control API names the item by its Graph id too");
    }
}
