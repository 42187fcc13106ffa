package org.corpconnect.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The person a booking is made for, in a request and in a booking. */
@Schema(name = "Invitee", description = "The person the booking is for; an attendee of the calendar item unless"
        + " booking.invitee-as-attendee is false")
@JsonbPropertyOrder({"email", "name"})
public record Invitee(
        @Schema(maxLength = 200, example = "Jürgen Klein") String name,
        @Schema(required = true, format = "email", example = "juergen.klein@example.com") String email) {
}
