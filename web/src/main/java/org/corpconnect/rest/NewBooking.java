package org.corpconnect.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/bookings}. Times stay text here: the resource refuses one without an offset, naming the field. */
@Schema(name = "NewBooking", description = "A slot to book in a user's calendar")
public record NewBooking(
        @Schema(required = true, description = "Mailbox address of a user of the account", example = "anna.schmidt@contoso.test")
        String user,
        @Schema(required = true, format = "date-time", description = "ISO-8601 with offset", example = "2026-12-08T10:00:00+01:00")
        String start,
        @Schema(required = true, format = "date-time", example = "2026-12-08T10:30:00+01:00")
        String end,
        @Schema(maxLength = 255, description = "Subject of the calendar item (default empty)", example = "Consultation")
        String title,
        Invitee invitee) {
}
