package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.fge.jackson.JsonLoader;
import com.github.fge.jsonschema.core.load.configuration.LoadingConfiguration;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document a front-end developer gets from {@code /openapi}: valid OpenAPI 3 (the OpenAPI
 * Initiative's JSON Schema of 3.0 documents, and swagger-parser's reading of it), every answer with
 * a schema, every problem answer with the problem types it carries, and real answers of every
 * operation, successes and problems, matching it. (Every other API test compares its answers with
 * the document too: {@link ApiAnswersChecked}.)
 */
@ServerTest
@RunAsClient
class OpenApiIT {

    private static final String ANNA = "anna.schmidt@contoso.test";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final SimulatorControl SIMULATOR = SimulatorControl.ofTestRun();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    @BeforeAll
    static void demoData() {
        SIMULATOR.loadDemo();
    }

    @Test
    void theDocumentIsValidOpenApi3() throws Exception {
        ApiDocument document = ApiDocument.served();
        // For a look at it (and for front-end developers without a running server): target/openapi.json.
        Files.writeString(Path.of("target", "openapi.json"), document.json());
        JsonNode schema = JsonLoader.fromResource("/openapi/oas-3.0-schema.json");
        // Preloaded under its id, which its own references resolve against: nothing is fetched from the network.
        JsonSchemaFactory factory = JsonSchemaFactory.newBuilder()
                .setLoadingConfiguration(LoadingConfiguration.newBuilder().preloadSchema(schema).freeze()).freeze();
        ProcessingReport report = factory.getJsonSchema(schema).validate(JsonLoader.fromString(document.json()));

        assertTrue(report.isSuccess(), "the OpenAPI 3.0 schema finds: " + report);
        assertEquals(List.of(), document.parserMessages(), "swagger-parser finds");
        assertTrue(document.json().startsWith("{") && document.resolved().getOpenapi().startsWith("3."), document.resolved().getOpenapi());
    }

    @Test
    void everyAnswerHasASchemaAndEveryProblemAnswerItsTypes() {
        List<String> faults = new ArrayList<>();
        Set<String> operations = new TreeSet<>();
        document().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String where = method + " " + path;
            operations.add(where);
            operation.getResponses().forEach((status, response) -> faults.addAll(faults(where + " " + status, status, response)));
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().getContent().forEach((type, content) -> {
                    if (content.getSchema() == null || content.getSchema().getProperties() == null) {
                        faults.add(where + " request " + type + ": no schema with properties");
                    }
                });
            }
        }));

        assertEquals(List.of(), faults);
        assertEquals(new TreeSet<>(List.of("GET /api/about", "GET /api/v1/availability", "POST /api/v1/bookings", "GET /api/v1/bookings",
                "GET /api/v1/bookings/{id}", "PATCH /api/v1/bookings/{id}", "DELETE /api/v1/bookings/{id}", "POST /api/v1/webhooks",
                "GET /api/v1/webhooks", "DELETE /api/v1/webhooks/{id}", "POST /api/v1/webhooks/{id}/rotate-secret")), operations);
    }

    @Test
    void answersOfEveryOperationMatchTheDocument() {
        Api.Tenant tenant = Api.tenant(ANNA, "IMPERSONATION");
        LocalDate monday = LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        String week = "&from=" + monday + "&to=" + monday.plusDays(4) + "&zone=Europe/Berlin";
        List<HttpResponse<String>> answers = new ArrayList<>();

        answers.add(Api.send(Api.request(null, "about").GET()));
        HttpResponse<String> availability = Api.send(Api.request(tenant, "v1/availability?users=" + ANNA + week + "&slot=30").GET());
        answers.add(availability);
        answers.add(Api.send(Api.request(tenant, "v1/availability?users=" + ANNA + week.replace("Europe/Berlin", "Mars/Olympus")).GET()));
        answers.add(Api.send(Api.request(tenant, "v1/availability?users=nobody@contoso.test" + week).GET()));
        answers.add(Api.send(Api.request(null, "v1/availability?users=" + ANNA + week).GET()));

        List<JsonObject> slots = Server.json(availability).getJsonArray("slots").getValuesAs(JsonObject.class);
        JsonObject first = slots.get(0);
        JsonObject last = slots.get(slots.size() - 1);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> booked = Api.postJson(tenant, "v1/bookings", key, booking(first, "Contract check", true));
        assertEquals(201, booked.statusCode(), booked.body());
        String id = Server.json(booked).getString("id");
        answers.add(booked);
        answers.add(Api.postJson(tenant, "v1/bookings", key, booking(first, "Contract check", true)));
        answers.add(Api.postJson(tenant, "v1/bookings", key, booking(last, "Another request", false)));
        answers.add(Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(), booking(first, "Taken", false)));
        answers.add(Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(), "{\"user\":\"" + ANNA + "\",\"start\":\"tomorrow\"}"));
        answers.add(Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(),
                "{\"user\":\"nobody@contoso.test\",\"start\":\"" + first.getString("start") + "\",\"end\":\"" + first.getString("end")
                        + "\",\"title\":\"Ghost\"}"));
        answers.add(Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(),
                "{\"user\":\"" + ANNA + "\",\"start\":\"2020-01-06T10:00:00+01:00\",\"end\":\"2020-01-06T10:30:00+01:00\",\"title\":\"Past\"}"));
        answers.add(Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(), "{\"title\":\"" + "x".repeat(20_000) + "\"}"));
        answers.add(Api.send(Api.request(tenant, "v1/bookings").header("Content-Type", "text/plain").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("book me"))));

        answers.add(Api.send(Api.request(tenant, "v1/bookings?from=" + enc(monday + "T00:00:00+01:00") + "&to="
                + enc(monday.plusDays(7) + "T00:00:00+01:00")).GET()));
        answers.add(Api.send(Api.request(tenant, "v1/bookings?from=yesterday&to=today").GET()));
        answers.add(Api.send(Api.request(tenant, "v1/bookings/" + id).GET()));
        answers.add(Api.send(Api.request(tenant, "v1/bookings/" + UUID.randomUUID()).GET()));
        answers.add(patch(tenant, id, "{\"start\":\"" + last.getString("start") + "\",\"end\":\"" + last.getString("end") + "\"}"));
        answers.add(patch(tenant, id, "{\"start\":\"2020-01-06T10:00:00+01:00\",\"end\":\"2020-01-06T10:30:00+01:00\"}"));
        answers.add(patch(tenant, id, "{\"start\":42}"));
        answers.add(Api.send(Api.request(tenant, "v1/bookings/" + id).DELETE()));
        answers.add(patch(tenant, id, "{\"start\":\"" + first.getString("start") + "\",\"end\":\"" + first.getString("end") + "\"}"));
        answers.add(Api.send(Api.request(tenant, "v1/bookings/" + UUID.randomUUID()).DELETE()));

        // Nothing listens there: the deliveries wait in the outbox, and go with the endpoint when it is removed.
        HttpResponse<String> hook = Api.postJson(tenant, "v1/webhooks", null, "{\"url\":\"http://localhost:"
                + System.getenv().getOrDefault("IT_WEBHOOK_PORT", "28027") + "/hooks/openapi\"}");
        assertEquals(201, hook.statusCode(), hook.body());
        String hookId = String.valueOf(Server.json(hook).getJsonNumber("id").longValue());
        answers.add(hook);
        answers.add(Api.postJson(tenant, "v1/webhooks", null, "{\"url\":\"https://10.1.2.3/hooks\"}"));
        answers.add(Api.send(Api.request(tenant, "v1/webhooks").GET()));
        answers.add(Api.send(Api.request(tenant, "v1/webhooks/" + hookId + "/rotate-secret").POST(HttpRequest.BodyPublishers.noBody())));
        answers.add(Api.send(Api.request(tenant, "v1/webhooks/0/rotate-secret").POST(HttpRequest.BodyPublishers.noBody())));
        answers.add(Api.send(Api.request(tenant, "v1/webhooks/" + hookId).DELETE()));
        answers.add(Api.send(Api.request(tenant, "v1/webhooks/" + hookId).DELETE()));

        ApiDocument document = ApiDocument.served();
        List<String> mismatches = answers.stream().flatMap(a -> document.mismatches(a).stream()).toList();
        assertEquals(List.of(), mismatches);
        Set<String> seen = new TreeSet<>();
        answers.forEach(a -> seen.add(a.request().method() + " "
                + document.documentedPath(a.request().uri().getRawPath()).orElse(a.request().uri().getRawPath()) + " " + a.statusCode()));
        assertEquals(new TreeSet<>(List.of(
                "GET /api/about 200",
                "GET /api/v1/availability 200", "GET /api/v1/availability 400", "GET /api/v1/availability 401", "GET /api/v1/availability 404",
                "POST /api/v1/bookings 201", "POST /api/v1/bookings 200", "POST /api/v1/bookings 400", "POST /api/v1/bookings 404",
                "POST /api/v1/bookings 409", "POST /api/v1/bookings 413", "POST /api/v1/bookings 415", "POST /api/v1/bookings 422",
                "GET /api/v1/bookings 200", "GET /api/v1/bookings 400",
                "GET /api/v1/bookings/{id} 200", "GET /api/v1/bookings/{id} 404",
                "PATCH /api/v1/bookings/{id} 200", "PATCH /api/v1/bookings/{id} 400", "PATCH /api/v1/bookings/{id} 409",
                "PATCH /api/v1/bookings/{id} 422",
                "DELETE /api/v1/bookings/{id} 200", "DELETE /api/v1/bookings/{id} 404",
                "POST /api/v1/webhooks 201", "POST /api/v1/webhooks 400", "GET /api/v1/webhooks 200",
                "POST /api/v1/webhooks/{id}/rotate-secret 200", "POST /api/v1/webhooks/{id}/rotate-secret 404",
                "DELETE /api/v1/webhooks/{id} 200", "DELETE /api/v1/webhooks/{id} 404")), seen,
                "each operation answered, successes and problems, as this test meant it to");
    }

    /** The faults of one documented answer: no content, a content without a schema, a problem answer without its types. */
    private static List<String> faults(String where, String status, ApiResponse response) {
        List<String> faults = new ArrayList<>();
        if (response.getContent() == null || response.getContent().isEmpty()) {
            return List.of(where + ": no content, so no schema");
        }
        for (Map.Entry<String, MediaType> content : response.getContent().entrySet()) {
            MediaType media = content.getValue();
            if (media.getSchema() == null || media.getSchema().getProperties() == null || media.getSchema().getProperties().isEmpty()) {
                faults.add(where + " " + content.getKey() + ": no schema with properties");
            }
        }
        boolean problem = status.startsWith("4") || status.startsWith("5");
        MediaType problemContent = response.getContent().get("application/problem+json");
        if (problem && (problemContent == null || problemContent.getExamples() == null || problemContent.getExamples().isEmpty())) {
            faults.add(where + ": a problem answer without application/problem+json examples naming its types");
        } else if (problem) {
            problemContent.getExamples().forEach((name, example) -> {
                if (!String.valueOf(example.getValue()).contains(ApiDocument.PROBLEM_TYPE_PREFIX + name + "\"")) {
                    faults.add(where + ": example " + name + " is not a problem of type " + name + ": " + example.getValue());
                }
            });
            Object required = problemContent.getSchema().getRequired();
            if (required == null || !problemContent.getSchema().getRequired().containsAll(List.of("type", "title", "status", "instance"))) {
                faults.add(where + ": the problem schema does not require type, title, status and instance: " + required);
            }
        }
        return faults;
    }

    private static io.swagger.v3.oas.models.OpenAPI document() {
        return ApiDocument.served().resolved();
    }

    private static HttpResponse<String> patch(Api.Tenant tenant, String id, String body) {
        return Api.send(Api.request(tenant, "v1/bookings/" + id).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String booking(JsonObject slot, String title, boolean invitee) {
        return "{\"user\":\"" + ANNA + "\",\"start\":\"" + slot.getString("start") + "\",\"end\":\"" + slot.getString("end")
                + "\",\"title\":\"" + title + "\"" + (invitee ? ",\"invitee\":{\"name\":\"Jürgen Klein\",\"email\":\"juergen@example.com\"}" : "")
                + "}";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
