package org.corpconnect.it;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API's OpenAPI document as the server serves it at {@code /openapi}, read once per test JVM
 * (every test deploys the same EAR), and answers of the API compared with it: the body against the
 * schema of the operation, status and content type (no member the schema does not name), and a
 * problem's type among the types that answer documents.
 */
public final class ApiDocument {

    static final String PROBLEM_TYPE_PREFIX = "urn:corpconnect:problem:";
    /** Where the application is deployed: the document's paths start after it. */
    private static final String CONTEXT_ROOT = "/exchange-connection";
    private static ApiDocument served;

    private final String json;
    private final SwaggerParseResult parsed;
    private final OpenAPI resolved;
    private OpenApiInteractionValidator validator;

    private ApiDocument(String json) {
        this.json = json;
        this.parsed = new OpenAPIV3Parser().readContents(json, null, new ParseOptions());
        ParseOptions resolveFully = new ParseOptions();
        resolveFully.setResolve(true);
        resolveFully.setResolveFully(true);
        this.resolved = new OpenAPIV3Parser().readContents(json, null, resolveFully).getOpenAPI();
    }

    /** Built at first use: it refuses a document swagger-parser finds fault with, and the document's own test says why first. */
    private synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(json)
                    .withBasePathOverride(CONTEXT_ROOT)
                    // A member the schema does not name is a mismatch too: the document must say all an answer carries.
                    .withLevelResolver(LevelResolver.create().withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR).build())
                    .build();
        }
        return validator;
    }

    /** The document of the deployed application, fetched as JSON the first time. */
    public static synchronized ApiDocument served() {
        if (served == null) {
            HttpResponse<String> answer = Server.get(Server.root().resolve("openapi?format=JSON"));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET /openapi answered " + answer.statusCode() + ": " + answer.body());
            }
            served = new ApiDocument(answer.body());
        }
        return served;
    }

    public String json() {
        return json;
    }

    /** What swagger-parser found wrong with the document as OpenAPI 3 (unresolvable references among it). */
    public List<String> parserMessages() {
        return parsed.getMessages() == null ? List.of() : parsed.getMessages();
    }

    /** The document with every {@code $ref} replaced by what it refers to. */
    public OpenAPI resolved() {
        return resolved;
    }

    /**
     * How the answer differs from the document: empty when it matches. Not judged here: an answer to
     * a path or method the document does not describe (an unknown URL, an OPTIONS), and one the
     * application did not give (the server's own page while the application is not deployed, as
     * during a restart): every answer of the API, errors included, is marked no-store (ApiResponseHeaders).
     */
    public List<String> mismatches(HttpResponse<String> answer) {
        String path = answer.request().uri().getRawPath();
        String method = answer.request().method().toUpperCase(Locale.ROOT);
        Optional<Operation> operation = operation(path, method);
        if (operation.isEmpty() || !answer.headers().firstValue("Cache-Control").orElse("").contains("no-store")) {
            return List.of();
        }
        String contentType = answer.headers().firstValue("Content-Type").orElse(null);
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode()).withBody(answer.body());
        if (contentType != null) {
            response.withContentType(contentType);
        }
        ValidationReport report = validator().validateResponse(path, Request.Method.valueOf(method), response.build());
        String what = method + " " + path + " " + answer.statusCode() + ": ";
        List<String> mismatches = new ArrayList<>();
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> mismatches.add(what + m.getKey() + " " + m.getMessage() + " in " + abbreviated(answer.body())));
        if (contentType != null && contentType.startsWith("application/problem+json") && mismatches.isEmpty()) {
            problemTypeMismatch(operation.get(), answer).ifPresent(m -> mismatches.add(what + m));
        }
        return mismatches;
    }

    /** The documented path (e.g. {@code /api/v1/bookings/{id}}) of a request path with the context root. */
    public Optional<String> documentedPath(String rawPath) {
        if (!rawPath.startsWith(CONTEXT_ROOT + "/")) {
            return Optional.empty();
        }
        String path = rawPath.substring(CONTEXT_ROOT.length());
        return resolved.getPaths().keySet().stream().filter(p -> template(p).matcher(path).matches()).findFirst();
    }

    private Optional<Operation> operation(String rawPath, String method) {
        return documentedPath(rawPath).map(p -> resolved.getPaths().get(p).readOperationsMap().get(PathItem.HttpMethod.valueOf(method)));
    }

    /** The problem's type is one the document names for this operation and status (its examples are named by type). */
    private static Optional<String> problemTypeMismatch(Operation operation, HttpResponse<String> answer) {
        JsonObject problem;
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            problem = reader.readObject();
        }
        String type = problem.getString("type", "");
        ApiResponse documented = operation.getResponses().get(String.valueOf(answer.statusCode()));
        MediaType content = documented == null || documented.getContent() == null ? null : documented.getContent().get("application/problem+json");
        if (content == null) {
            return Optional.of("no application/problem+json answer documented for this status");
        }
        if (!type.startsWith(PROBLEM_TYPE_PREFIX) || content.getExamples() == null
                || !content.getExamples().containsKey(type.substring(PROBLEM_TYPE_PREFIX.length()))) {
            return Optional.of("problem type " + type + " is not among the documented "
                    + (content.getExamples() == null ? "none" : content.getExamples().keySet()));
        }
        return Optional.empty();
    }

    private static Pattern template(String path) {
        return Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q"));
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
