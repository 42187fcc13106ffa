package org.corpconnect.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API under {@code /exchange-connection/api}; its OpenAPI document is served at {@code /openapi}.
 * The answers every operation can give (no key, over the rate, our fault) are described once here
 * and referred to by name from the operations.
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Exchange corporate connection", version = "1",
        description = "Availability and bookings of an account's users, read from and written to their Exchange"
                + " calendars through the account's dedicated mailbox. Errors are application/problem+json."),
        components = @Components(responses = {
                @APIResponse(name = "Unauthorized", responseCode = "401", description = "No API key, or not a valid one",
                        headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)),
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                                examples = @ExampleObject(name = "unauthorized", value = ProblemExamples.UNAUTHORIZED))),
                @APIResponse(name = "RateLimited", responseCode = "429", description = "Over a rate limit of the key, the"
                        + " account or its booking changes, or too many wrong keys from the address; retry after Retry-After",
                        headers = @Header(name = "Retry-After", description = "Seconds to wait",
                                schema = @Schema(type = SchemaType.INTEGER)),
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                                examples = @ExampleObject(name = "rate-limited", value = ProblemExamples.RATE_LIMITED))),
                @APIResponse(name = "InternalError", responseCode = "500", description = "A failure on our side; instance names it in our logs",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                                examples = @ExampleObject(name = "internal-error", value = ProblemExamples.INTERNAL_ERROR))),
                @APIResponse(name = "PayloadTooLarge", responseCode = "413", description = "The body is larger than 16 KiB",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                                examples = @ExampleObject(name = "http-413", value = ProblemExamples.PAYLOAD_TOO_LARGE))),
                @APIResponse(name = "UnsupportedMediaType", responseCode = "415", description = "The body is not application/json",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                                examples = @ExampleObject(name = "http-415", value = ProblemExamples.UNSUPPORTED_MEDIA_TYPE)))}))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key of the account, created on its admin pages: Authorization: Bearer cck_...")
public class RestApplication extends Application {

    /** No WADL: the API is described by the OpenAPI document, and a WADL would be served to anyone. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
