package org.corpconnect.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.corpconnect.booking.Booking;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A booking as the API shows it; times as text (ISO-8601 in UTC), so that the document says string, not a Java object. */
@Schema(name = "Booking", description = "A booking and the state of its calendar item")
@JsonbPropertyOrder({"id", "user", "start", "end", "title", "status", "createdAt", "invitee", "problem"})
public record BookingDetails(
        @Schema(required = true, example = "7d0c3c4e-8a51-4a0e-9a53-2f4f4b1c2d11") String id,
        @Schema(required = true, example = "anna.schmidt@contoso.test") String user,
        @Schema(required = true, format = "date-time", example = "2026-12-08T09:00:00Z") String start,
        @Schema(required = true, format = "date-time", example = "2026-12-08T09:30:00Z") String end,
        @Schema(required = true, example = "Consultation") String title,
        @Schema(required = true,
                enumeration = {"PENDING", "CONFIRMED", "FAILED", "REJECTED", "CANCELLED", "RELEASED"}, description = "PENDING: being written; CONFIRMED: in the calendar; FAILED: not written, holding"
                + " the slot for a retry with the same Idempotency-Key; REJECTED: the slot was taken in Exchange; CANCELLED;"
                + " RELEASED: a failed booking whose hold lapsed")
        String status,
        @Schema(required = true, format = "date-time", example = "2026-12-06T07:51:03.120Z") String createdAt,
        Invitee invitee,
        @Schema(description = "Why the calendar item was not written, when it was not",
                example = "Exchange is throttling requests; retry with the same Idempotency-Key.")
        String problem) {

    static BookingDetails of(Booking booking) {
        return new BookingDetails(booking.id(), booking.userAddress().value(), booking.start().toString(), booking.end().toString(),
                booking.title(), booking.status().name(), booking.createdAt().toString(),
                booking.invitee().map(i -> new Invitee(i.name(), i.email())).orElse(null), booking.failure().orElse(null));
    }
}
