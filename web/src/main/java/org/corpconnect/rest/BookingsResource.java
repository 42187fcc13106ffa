package org.corpconnect.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.corpconnect.booking.BookingRequest;
import org.corpconnect.booking.BookingWriter;
import org.corpconnect.booking.Bookings;
import org.corpconnect.booking.CancelledBy;
import org.corpconnect.booking.InvalidBooking;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bookings of the caller's account, each written once into its user's own calendar. The OpenAPI
 * annotations list every status an operation answers with, and for each problem status the problem
 * types it carries (as examples named by type).
 */
@Path("v1/bookings")
@ApiKeyRequired
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings")
@SecurityRequirement(name = "apiKey")
public class BookingsResource {

    private static final String NEW_BOOKING_EXAMPLE = "{\"user\":\"anna.schmidt@contoso.test\",\"start\":\"2026-12-08T10:00:00+01:00\","
            + "\"end\":\"2026-12-08T10:30:00+01:00\",\"title\":\"Consultation\","
            + "\"invitee\":{\"name\":\"J\u00fcrgen Klein\",\"email\":\"juergen.klein@example.com\"}}";
    private static final String MOVE_EXAMPLE = "{\"start\":\"2026-12-08T14:00:00+01:00\",\"end\":\"2026-12-08T14:30:00+01:00\"}";

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
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "NewBooking"), examples = @ExampleObject(name = "booking", value = NEW_BOOKING_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Booked; Location names the booking",
            headers = @Header(name = "Location", description = "The booking's URL", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Booking")))
    @APIResponse(responseCode = "200", description = "A retry with a known Idempotency-Key: the same booking",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Booking")))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong, e.g. text Exchange cannot store; errors name the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                    @ExampleObject(name = "invalid-request", value = ProblemExamples.INVALID_REQUEST),
                    @ExampleObject(name = "malformed-json", value = ProblemExamples.MALFORMED_JSON)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", description = "The user is not one of this account's users",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "not-found", value = ProblemExamples.USER_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The slot is taken, the user's calendar cannot be written, its busy time is"
            + " too old to trust, the booking is being written by an earlier try (Retry-After), or was released",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                    @ExampleObject(name = "slot-taken", value = ProblemExamples.SLOT_TAKEN),
                    @ExampleObject(name = "user-not-bookable", value = ProblemExamples.USER_NOT_BOOKABLE),
                    @ExampleObject(name = "calendar-unknown", value = ProblemExamples.CALENDAR_UNKNOWN),
                    @ExampleObject(name = "booking-in-progress", value = ProblemExamples.BOOKING_IN_PROGRESS),
                    @ExampleObject(name = "booking-released", value = ProblemExamples.BOOKING_RELEASED)}))
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", description = "Outside the booking rules (rule names which), or the Idempotency-Key was used"
            + " for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                    @ExampleObject(name = "outside-booking-rules", value = ProblemExamples.OUTSIDE_BOOKING_RULES),
                    @ExampleObject(name = "idempotency-key-reused", value = ProblemExamples.IDEMPOTENCY_KEY_REUSED)}))
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "500", ref = "InternalError")
    @APIResponse(responseCode = "503", description = "Recorded but not written yet (Exchange unavailable or throttling), or too many"
            + " changes at once: retry with the same key after Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                    @ExampleObject(name = "calendar-not-written", value = ProblemExamples.CALENDAR_NOT_WRITTEN),
                    @ExampleObject(name = "exchange-throttled", value = ProblemExamples.EXCHANGE_THROTTLED),
                    @ExampleObject(name = "exchange-unavailable", value = ProblemExamples.EXCHANGE_UNAVAILABLE),
                    @ExampleObject(name = "busy", value = ProblemExamples.BUSY)}))
    public Response book(@Parameter(description = "One per booking, reused by retries (8-200 visible ASCII characters)")
                         @HeaderParam("Idempotency-Key") String idempotencyKey, NewBooking body) {
        NewBooking booking = JsonBodyReader.present(body);
        BookingRequest request = new BookingRequest(
                booking.user() == null ? null : address(booking.user()),
                booking.start() == null ? null : instant("start", booking.start()),
                booking.end() == null ? null : instant("end", booking.end()),
                booking.title() == null ? "" : booking.title(),
                Optional.ofNullable(booking.invitee()).map(i -> new BookingRequest.Invitee(i.name(), i.email())),
                idempotencyKey);
        BookingWriter.Outcome outcome = writer.book(caller.get(), request);
        Response.ResponseBuilder response = outcome.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(outcome.booking().id()).build())
                : Response.ok();
        return response.entity(BookingDetails.of(outcome.booking())).build();
    }

    @GET
    @Operation(summary = "Bookings that overlap a time range (at most 92 days)")
    @APIResponse(responseCode = "200", description = "The bookings, in every status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BookingList")))
    @APIResponse(responseCode = "400", description = "from or to is missing or wrong; errors name it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "invalid-request", value = ProblemExamples.INVALID_REQUEST)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "500", ref = "InternalError")
    public BookingList list(
            @Parameter(description = "ISO-8601 date-time with offset", example = "2026-12-01T00:00:00+01:00") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 date-time with offset, at most 92 days after from", example = "2026-12-31T00:00:00+01:00")
            @QueryParam("to") String to) {
        Instant start = instant("from", require("from", from));
        Instant end = instant("to", require("to", to));
        if (!end.isAfter(start) || Duration.between(start, end).toDays() > 92) {
            throw new InvalidBooking("to", "must be after from, at most 92 days later.");
        }
        return new BookingList(bookings.ofAccount(caller.get().id(), new TimeWindow(start, end)).stream().map(BookingDetails::of).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One booking")
    @APIResponse(responseCode = "200", description = "The booking",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Booking")))
    @APIResponse(responseCode = "400", description = "The path is ambiguous (encoded slashes or dots)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "malformed-request", value = ProblemExamples.MALFORMED_REQUEST)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", description = "No such booking in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "not-found", value = ProblemExamples.NOT_FOUND)))
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "500", ref = "InternalError")
    public BookingDetails get(@PathParam("id") String id) {
        return BookingDetails.of(bookings.get(caller.get().id(), id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reschedule: the same calendar item moves to the new slot")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "BookingMove"), examples = @ExampleObject(name = "move", value = MOVE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Moved, in the database and in the calendar",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Booking")))
    @APIResponse(responseCode = "400", description = "start or end is missing or wrong; errors name it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                    @ExampleObject(name = "invalid-request", value = ProblemExamples.INVALID_REQUEST),
                    @ExampleObject(name = "malformed-json", value = ProblemExamples.MALFORMED_JSON)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", description = "No such booking in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "not-found", value = ProblemExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The slot is taken, the booking is not confirmed (cancelled meanwhile), the"
            + " user's calendar cannot be written or is not known well enough, or another change of it is in progress (Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                    @ExampleObject(name = "slot-taken", value = ProblemExamples.SLOT_TAKEN),
                    @ExampleObject(name = "booking-not-changeable", value = ProblemExamples.BOOKING_NOT_CHANGEABLE),
                    @ExampleObject(name = "booking-in-progress", value = ProblemExamples.BOOKING_IN_PROGRESS),
                    @ExampleObject(name = "user-not-bookable", value = ProblemExamples.USER_NOT_BOOKABLE),
                    @ExampleObject(name = "calendar-unknown", value = ProblemExamples.CALENDAR_UNKNOWN)}))
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", description = "The new slot is outside the booking rules (rule names which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "outside-booking-rules", value = ProblemExamples.OUTSIDE_BOOKING_RULES)))
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "500", ref = "InternalError")
    @APIResponse(responseCode = "503", description = "Exchange did not take the move, or too many changes at once: the booking"
            + " is unchanged; retry after Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                    @ExampleObject(name = "calendar-not-written", value = ProblemExamples.CALENDAR_NOT_WRITTEN),
                    @ExampleObject(name = "exchange-throttled", value = ProblemExamples.EXCHANGE_THROTTLED),
                    @ExampleObject(name = "exchange-unavailable", value = ProblemExamples.EXCHANGE_UNAVAILABLE),
                    @ExampleObject(name = "busy", value = ProblemExamples.BUSY)}))
    public BookingDetails reschedule(@PathParam("id") String id, BookingMove body) {
        BookingMove move = JsonBodyReader.present(body);
        return BookingDetails.of(writer.reschedule(caller.get(), id,
                instant("start", require("start", move.start())), instant("end", require("end", move.end()))));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Cancel: the calendar item is deleted")
    @APIResponse(responseCode = "200", description = "Cancelled. A booking whose item is being written or moved is cancelled"
            + " at once, and its item removed when that write ends",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Booking")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", description = "No such booking in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "not-found", value = ProblemExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Another cancellation of it is in progress (Retry-After), or it cannot be"
            + " cancelled in its state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                    @ExampleObject(name = "booking-in-progress", value = ProblemExamples.BOOKING_IN_PROGRESS),
                    @ExampleObject(name = "booking-not-changeable", value = ProblemExamples.BOOKING_NOT_CHANGEABLE)}))
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "500", ref = "InternalError")
    @APIResponse(responseCode = "503", description = "Exchange did not delete the item, or too many changes at once: the"
            + " booking is unchanged; retry after Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                    @ExampleObject(name = "calendar-not-written", value = ProblemExamples.CALENDAR_NOT_WRITTEN),
                    @ExampleObject(name = "exchange-throttled", value = ProblemExamples.EXCHANGE_THROTTLED),
                    @ExampleObject(name = "exchange-unavailable", value = ProblemExamples.EXCHANGE_UNAVAILABLE),
                    @ExampleObject(name = "busy", value = ProblemExamples.BUSY)}))
    public BookingDetails cancel(@PathParam("id") String id) {
        return BookingDetails.of(writer.cancel(caller.get(), id, CancelledBy.API));
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

    /** An ISO-8601 date-time with its offset: a time without one is ambiguous and refused. */
    private static Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidBooking(field, "must be an ISO-8601 date-time with offset, e.g. 2026-12-01T09:30:00+01:00.");
        }
    }
}
