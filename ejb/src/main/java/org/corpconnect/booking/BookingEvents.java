package org.corpconnect.booking;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** A booking as its webhook events carry it: the API's view of it, no calendar item details. */
final class BookingEvents {

    private BookingEvents() {
    }

    static JsonObject created(Booking booking) {
        return booking(booking).build();
    }

    static JsonObject rescheduled(Booking booking, Instant previousStart, Instant previousEnd) {
        return booking(booking).add("previousStart", previousStart.toString()).add("previousEnd", previousEnd.toString()).build();
    }

    static JsonObject cancelled(Booking booking, CancelledBy actor) {
        return booking(booking).add("actor", actor.name()).build();
    }

    private static JsonObjectBuilder booking(Booking booking) {
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("bookingId", booking.id())
                .add("user", booking.userAddress().value())
                .add("start", booking.start().toString())
                .add("end", booking.end().toString())
                .add("title", booking.title())
                .add("status", booking.status().name());
        booking.invitee().ifPresent(invitee -> {
            JsonObjectBuilder who = Json.createObjectBuilder();
            if (invitee.name() != null) {
                who.add("name", invitee.name());
            }
            if (invitee.email() != null) {
                who.add("email", invitee.email());
            }
            data.add("invitee", who);
        });
        return data;
    }
}
