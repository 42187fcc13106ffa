package org.corpconnect.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An RFC 9457 problem: {@code application/problem+json} with type, title, status, detail and instance. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:corpconnect:problem:";

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final String instance = "urn:uuid:" + UUID.randomUUID();
    private Map<String, String> fieldErrors = Map.of();
    private Duration retryAfter;
    private final Map<String, String> members = new LinkedHashMap<>();

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

    /** An extension member of the problem (RFC 9457, section 3.2), e.g. the rule a booking broke. */
    public Problem withMember(String name, String value) {
        members.put(name, value);
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
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", type).add("title", title).add("status", status).add("instance", instance);
        if (detail != null) {
            body.add("detail", detail);
        }
        members.forEach(body::add);
        if (!fieldErrors.isEmpty()) {
            JsonArrayBuilder errors = Json.createArrayBuilder();
            fieldErrors.forEach((field, message) -> errors.add(Json.createObjectBuilder().add("field", field).add("message", message)));
            body.add("errors", errors);
        }
        return body.build().toString();
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(json());
        if (retryAfter != null) {
            response.header("Retry-After", Math.max(1, (retryAfter.toMillis() + 999) / 1000));
        }
        return response.build();
    }
}
