package org.corpconnect.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An RFC 9457 problem on its way out: {@code application/problem+json} with type, title, status,
 * detail and instance (the body, {@link ProblemDetails}), and the Retry-After header where it has one.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:corpconnect:problem:";
    /** Thread-safe, and costly to create: one for every problem written. */
    private static final Jsonb JSONB = JsonbBuilder.create();

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final String instance = "urn:uuid:" + UUID.randomUUID();
    private Map<String, String> fieldErrors = Map.of();
    private String rule;
    private Duration retryAfter;

    public Problem(String type, String title, int status, String detail) {
        this.type = TYPE_PREFIX + type;
        this.title = title;
        this.status = status;
        this.detail = detail;
    }

    public Problem withFieldErrors(Map<String, String> errors) {
        this.fieldErrors = errors;
        return this;
    }

    /** The booking rule broken: an extension member of the problem (RFC 9457, section 3.2). */
    public Problem withRule(String ruleId) {
        this.rule = ruleId;
        return this;
    }

    public Problem retryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    public String instance() {
        return instance;
    }

    public int status() {
        return status;
    }

    /** The problem document itself, for answers written outside JAX-RS (servlet filters). */
    public String json() {
        List<ProblemDetails.FieldError> errors = fieldErrors.entrySet().stream()
                .map(e -> new ProblemDetails.FieldError(e.getKey(), e.getValue())).toList();
        return JSONB.toJson(new ProblemDetails(type, title, status, instance, detail, rule, errors.isEmpty() ? null : errors));
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(json());
        if (retryAfter != null) {
            response.header("Retry-After", Math.max(1, (retryAfter.toMillis() + 999) / 1000));
        }
        return response.build();
    }
}
