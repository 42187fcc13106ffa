package org.corpconnect.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code GET /api/v1/bookings}. */
@Schema(name = "BookingList", description = "Bookings that overlap the time range asked for")
public record BookingList(
        @Schema(required = true, type = SchemaType.ARRAY, implementation = BookingDetails.class) List<BookingDetails> bookings) {
}
