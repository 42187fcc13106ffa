package org.corpconnect.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import org.corpconnect.booking.Booking;
import org.corpconnect.booking.BookingRequest;
import org.corpconnect.booking.BookingWriter;
import org.corpconnect.booking.Bookings;
import org.corpconnect.booking.InvalidBooking;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bookings of the caller's account, each written once into its user's own calendar. */
@Path("v1/bookings")
@ApiKeyRequired
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings")
@SecurityRequirement(name = "apiKey")
public class BookingsResource {

    @Inject
    private CallerAccount caller;

    @Inject
    private BookingWriter writer;

    @Inject
    private Bookings bookings;

    @Context
    private UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Book a slot: checked live, then written into the user's calendar exactly once")
    @APIResponse(responseCode = "201", description = "Booked; Location names the booking")
    @APIResponse(responseCode = "200", description = "A retry with a known Idempotency-Key: the same booking")
    @APIResponse(responseCode = "400", description = "A field is missing or wrong, e.g. text Exchange cannot store; errors name the field")
    @APIResponse(responseCode = "409", description = "The slot is taken, the user's calendar cannot be written, or its busy time is too old to trust")
    @APIResponse(responseCode = "422", description = "Outside the booking rules (rule names which), or the Idempotency-Key was used for another request")
    @APIResponse(responseCode = "503", description = "Recorded but not written yet (Exchange unavailable or throttling): retry with the same key")
    public Response book(@Parameter(description = "One per booking, reused by retries (8-200 visible ASCII characters)")
                         @HeaderParam("Idempotency-Key") String idempotencyKey, InputStream body) {
        JsonObject json = JsonBodies.readObject(body);
        var invitee = JsonBodies.optionalObject(json, "invitee").map(i -> new BookingRequest.Invitee(
                JsonBodies.optionalString(i, "name").orElse(null), JsonBodies.string(i, "email")));
        BookingRequest request = new BookingRequest(
                address(JsonBodies.string(json, "user")),
                JsonBodies.instant("start", JsonBodies.string(json, "start")),
                JsonBodies.instant("end", JsonBodies.string(json, "end")),
                JsonBodies.optionalString(json, "title").orElse(""),
                invitee, idempotencyKey);
        BookingWriter.Outcome outcome = writer.book(caller.get(), request);
        Response.ResponseBuilder response = outcome.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(outcome.booking().id()).build())
                : Response.ok();
        return response.entity(json(outcome.booking()).build().toString()).build();
    }

    @GET
    @Operation(summary = "Bookings that overlap a time range (at most 92 days)")
    public String list(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant start = JsonBodies.instant("from", require("from", from));
        Instant end = JsonBodies.instant("to", require("to", to));
        if (!end.isAfter(start) || Duration.between(start, end).toDays() > 92) {
            throw new InvalidBooking("to", "must be after from, at most 92 days later.");
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        bookings.ofAccount(caller.get().id(), new TimeWindow(start, end)).forEach(b -> list.add(json(b)));
        return Json.createObjectBuilder().add("bookings", list).build().toString();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One booking")
    public String get(@PathParam("id") String id) {
        return json(bookings.get(caller.get().id(), id)).build().toString();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reschedule: the same calendar item moves to the new slot")
    @APIResponse(responseCode = "200", description = "Moved, in the database and in the calendar")
    @APIResponse(responseCode = "409", description = "The slot is taken, the booking is not confirmed (cancelled meanwhile),"
            + " or another change of it is in progress (Retry-After)")
    @APIResponse(responseCode = "503", description = "Exchange did not take the move, or too many changes at once: the booking"
            + " is unchanged; retry after Retry-After")
    public String reschedule(@PathParam("id") String id, InputStream body) {
        JsonObject json = JsonBodies.readObject(body);
        Instant start = JsonBodies.instant("start", JsonBodies.string(json, "start"));
        Instant end = JsonBodies.instant("end", JsonBodies.string(json, "end"));
        return json(writer.reschedule(caller.get(), id, start, end)).build().toString();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Cancel: the calendar item is deleted")
    @APIResponse(responseCode = "200", description = "Cancelled. A booking whose item is being written or moved is cancelled"
            + " at once, and its item removed when that write ends")
    @APIResponse(responseCode = "409", description = "Another cancellation of it is in progress (Retry-After)")
    @APIResponse(responseCode = "503", description = "Exchange did not delete the item, or too many changes at once: the"
            + " booking is unchanged; retry after Retry-After")
    public String cancel(@PathParam("id") String id) {
        return json(writer.cancel(caller.get(), id)).build().toString();
    }

    private static MailboxAddress address(String value) {
        try {
            return new MailboxAddress(value);
        } catch (RuntimeException e) {
            throw new InvalidBooking("user", "must be the mailbox address of a user of this account.");
        }
    }

    private static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidBooking(field, "is required.");
        }
        return value;
    }

    static JsonObjectBuilder json(Booking booking) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", booking.id())
                .add("user", booking.userAddress().value())
                .add("start", booking.start().toString())
                .add("end", booking.end().toString())
                .add("title", booking.title())
                .add("status", booking.status().name())
                .add("createdAt", booking.createdAt().toString());
        booking.invitee().ifPresent(i -> {
            JsonObjectBuilder invitee = Json.createObjectBuilder().add("email", i.email());
            if (i.name() != null) {
                invitee.add("name", i.name());
            }
            json.add("invitee", invitee);
        });
        booking.failure().ifPresent(f -> json.add("problem", f));
        return json;
    }
}
