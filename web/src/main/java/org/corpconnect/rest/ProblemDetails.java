package org.corpconnect.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of every error answer: an RFC 9457 problem with this API's extension members. */
@Schema(name = "Problem", description = "An RFC 9457 problem (application/problem+json). Its type tells the problems apart"
        + " (the examples of each answer list the types it can carry); detail is for people and may change.")
@JsonbPropertyOrder({"type", "title", "status", "instance", "detail", "rule", "errors"})
public record ProblemDetails(
        @Schema(required = true, format = "uri", pattern = "^urn:corpconnect:problem:[a-z0-9-]+$",
                description = "What went wrong, a URN stable across releases", example = "urn:corpconnect:problem:slot-taken")
        String type,
        @Schema(required = true, description = "Short summary of the type", example = "Slot taken")
        String title,
        @Schema(required = true, description = "The HTTP status code", example = "409")
        int status,
        @Schema(required = true, format = "uri", pattern = "^urn:uuid:[0-9a-f-]{36}$",
                description = "This occurrence, as our logs name it: quote it when asking for support",
                example = "urn:uuid:3b2f9a8e-6d1c-4f6e-9b0a-1c2d3e4f5a6b")
        String instance,
        @Schema(description = "What happened and what to do, for people", example = "The slot is taken in Anna's calendar.")
        String detail,
        @Schema(description = "Only with outside-booking-rules: the rule the booking broke",
                enumeration = {"not-in-the-past", "minimum-notice", "horizon", "slot-length", "working-hours", "buffers"},
                example = "minimum-notice")
        String rule,
        List<FieldError> errors) {

    @Schema(name = "FieldError", description = "A request field that is missing or wrong")
    @JsonbPropertyOrder({"field", "message"})
    public record FieldError(
            @Schema(required = true, description = "The field's name (body for the body as a whole)", example = "start") String field,
            @Schema(required = true, example = "start must be an ISO-8601 date-time with offset, e.g. 2026-12-01T09:30:00+01:00.")
            String message) {
    }
}
