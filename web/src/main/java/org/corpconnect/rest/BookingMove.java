package org.corpconnect.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PATCH /api/v1/bookings/{id}}: the booking's new slot. */
@Schema(name = "BookingMove", description = "The new slot of a booking; its calendar item moves there")
public record BookingMove(
        @Schema(required = true, format = "date-time", description = "ISO-8601 with offset", example = "2026-12-08T14:00:00+01:00")
        String start,
        @Schema(required = true, format = "date-time", example = "2026-12-08T14:30:00+01:00")
        String end) {
}
