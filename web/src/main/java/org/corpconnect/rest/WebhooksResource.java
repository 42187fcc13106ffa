package org.corpconnect.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import org.corpconnect.webhook.IssuedEndpointSecret;
import org.corpconnect.webhook.WebhookEndpointNotFound;
import org.corpconnect.webhook.WebhookEndpoints;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The account's webhook endpoints: the booking front end registers where it wants the account's
 * events (README, "Webhooks"), gets each endpoint's signing secret once, and rotates it.
 */
@Path("v1/webhooks")
@ApiKeyRequired
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@SecurityRequirement(name = "apiKey")
public class WebhooksResource {

    private static final String NEW_WEBHOOK_EXAMPLE = "{\"url\":\"https://booking.example.com/hooks/exchange\"}";

    @Inject
    private CallerAccount caller;

    @Inject
    private WebhookEndpoints endpoints;

    @Context
    private UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an endpoint: it receives every event of the account from now on, signed with the secret"
            + " this answer shows once")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "NewWebhook"), examples = @ExampleObject(name = "webhook", value = NEW_WEBHOOK_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; Location names it. The secret is never shown again",
            headers = @Header(name = "Location", description = "The endpoint's URL in this API", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookWithSecret")))
    @APIResponse(responseCode = "400", description = "The URL is missing or not one, or the server may not call it (not https, or a"
            + " loopback or private address the operator does not allow); errors name the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                    @ExampleObject(name = "invalid-request", value = ProblemExamples.INVALID_WEBHOOK_URL),
                    @ExampleObject(name = "malformed-json", value = ProblemExamples.MALFORMED_JSON)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "500", ref = "InternalError")
    public Response registerWebhook(NewWebhook body) {
        NewWebhook webhook = JsonBodyReader.present(body);
        IssuedEndpointSecret issued = endpoints.register(caller.get().id(), webhook.url(), actor());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(issued.endpoint().id())).build())
                .entity(WebhookSecret.of(issued, now())).build();
    }

    @GET
    @Operation(summary = "The account's endpoints (never their secrets)")
    @APIResponse(responseCode = "200", description = "The endpoints",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "500", ref = "InternalError")
    public WebhookList listWebhooks() {
        Instant now = now();
        return new WebhookList(endpoints.ofAccount(caller.get().id()).stream().map(e -> WebhookDetails.of(e, now)).toList());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove an endpoint: events not delivered to it yet are not sent any more")
    @APIResponse(responseCode = "200", description = "Removed; the endpoint as it was",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Webhook")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", description = "No such endpoint in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "not-found", value = ProblemExamples.WEBHOOK_NOT_FOUND)))
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "500", ref = "InternalError")
    public WebhookDetails removeWebhook(@PathParam("id") String id) {
        return WebhookDetails.of(endpoints.remove(caller.get().id(), endpointId(id), actor()), now());
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(summary = "A new signing secret, shown once; the previous one signs too for webhooks.secret-grace-hours"
            + " (24 by default), so both signatures come meanwhile")
    @APIResponse(responseCode = "200", description = "The new secret, and until when the previous one still signs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookWithSecret")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", description = "No such endpoint in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "not-found", value = ProblemExamples.WEBHOOK_NOT_FOUND)))
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "500", ref = "InternalError")
    public WebhookSecret rotateWebhookSecret(@PathParam("id") String id) {
        return WebhookSecret.of(endpoints.rotateSecret(caller.get().id(), endpointId(id), actor()), now());
    }

    /** Ids are numbers; anything else names no endpoint (a 404 of ours, not the framework's). */
    private static long endpointId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new WebhookEndpointNotFound();
        }
    }

    private String actor() {
        return "API key " + caller.keyId();
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }
}
