package org.corpconnect.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.corpconnect.booking.Booking;
import org.corpconnect.booking.BookingStatus;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A booking as the API shows it. */
@Schema(name = "Booking", description = "A booking and the state of its calendar item")
@JsonbPropertyOrder({"id", "user", "start", "end", "title", "status", "createdAt", "invitee", "problem"})
public record BookingDetails(
        @Schema(required = true, example = "7d0c3c4e-8a51-4a0e-9a53-2f4f4b1c2d11") String id,
        @Schema(required = true, example = "anna.schmidt@contoso.test") String user,
        @Schema(required = true, example = "2026-12-08T09:00:00Z") Instant start,
        @Schema(required = true, example = "2026-12-08T09:30:00Z") Instant end,
        @Schema(required = true, example = "Consultation") String title,
        @Schema(required = true, type = SchemaType.STRING,
                enumeration = {"PENDING", "CONFIRMED", "FAILED", "REJECTED", "CANCELLED", "RELEASED"}, description = "PENDING: being written; CONFIRMED: in the calendar; FAILED: not written, holding"
                + " the slot for a retry with the same Idempotency-Key; REJECTED: the slot was taken in Exchange; CANCELLED;"
                + " RELEASED: a failed booking whose hold lapsed")
        BookingStatus status,
        @Schema(required = true, example = "2026-12-06T07:51:03.120Z") Instant createdAt,
        Invitee invitee,
        @Schema(description = "Why the calendar item was not written, when it was not",
                example = "Exchange is throttling requests; retry with the same Idempotency-Key.")
        String problem) {

    static BookingDetails of(Booking booking) {
        return new BookingDetails(booking.id(), booking.userAddress().value(), booking.start(), booking.end(), booking.title(),
                booking.status(), booking.createdAt(),
                booking.invitee().map(i -> new Invitee(i.name(), i.email())).orElse(null), booking.failure().orElse(null));
    }
}
