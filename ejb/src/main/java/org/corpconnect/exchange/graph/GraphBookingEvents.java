package org.corpconnect.exchange.graph;

import java.util.List;
import java.util.Optional;
import org.corpconnect.exchange.BookingItem;
import org.corpconnect.exchange.CalendarItemRef;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ItemState;

/**
 * A booking as a Graph <a href="https://learn.microsoft.com/graph/api/resources/event">event</a>: the
 * bodies the gateway sends, and the ids it reads back. Only what the booking holds goes in; only the
 * event's id and change key come out.
 */
public final class GraphBookingEvents {

    /** The booking id's named property, as Graph names the one EWS writes: "String {set} Name BookingId". */
    static final String BOOKING_ID_PROPERTY = "String {" + BookingItem.PROPERTY_SET + "} Name " + BookingItem.BOOKING_ID_PROPERTY;

    private GraphBookingEvents() {
    }

    /** A new event: busy, no reminder, the booking id as transactionId and as the extended property. */
    public record NewEvent(String subject, GraphTime start, GraphTime end, String showAs, boolean isReminderOn,
                    String transactionId, List<ExtendedProperty> singleValueExtendedProperties, List<Attendee> attendees) {
    }

    /** A move or change: what the booking now says; an empty attendee list removes a former invitee. */
    public record Change(String subject, GraphTime start, GraphTime end, List<Attendee> attendees) {
    }

    public record Cancellation(String comment) {
    }

    public record ExtendedProperty(String id, String value) {
    }

    public record Attendee(EmailAddress emailAddress, String type) {
    }

    public record EmailAddress(String address, String name) {
    }

    public record EventId(String id, String changeKey) {
    }

    public record EventIds(List<EventId> value) {
    }

    /** An event's place in time, as {@code $select=start,end,isCancelled} reads it. */
    public record EventTimes(GraphTime start, GraphTime end, Boolean isCancelled) {
    }

    static NewEvent newEvent(BookingItem item) {
        return new NewEvent(item.subject(), GraphTime.utc(item.start()), GraphTime.utc(item.end()), "busy", false,
                item.bookingId(), List.of(new ExtendedProperty(BOOKING_ID_PROPERTY, item.bookingId())),
                item.invitee().isPresent() ? attendeesOf(item) : null);
    }

    static Change change(BookingItem item) {
        return new Change(item.subject(), GraphTime.utc(item.start()), GraphTime.utc(item.end()), attendeesOf(item));
    }

    /** The OData filter that finds the event carrying this booking id, and nothing else. */
    static String bookingIdFilter(String bookingId) {
        return "singleValueExtendedProperties/Any(ep: ep/id eq '" + BOOKING_ID_PROPERTY + "' and ep/value eq '"
                + bookingId.replace("'", "''") + "')";
    }

    static CalendarItemRef refOf(EventId event) {
        return new CalendarItemRef(event.id(), event.changeKey());
    }

    static Optional<CalendarItemRef> firstOf(EventIds found) {
        return found.value() == null ? Optional.empty() : found.value().stream().findFirst().map(GraphBookingEvents::refOf);
    }

    static ItemState stateOf(EventTimes event) {
        if (Boolean.TRUE.equals(event.isCancelled())) {
            return ItemState.GONE;
        }
        if (event.start() == null || event.end() == null) {
            throw new ExchangeFailure("Microsoft Graph answered an event without its start or end.");
        }
        return new ItemState.At(event.start().toInstant(), event.end().toInstant());
    }

    private static List<Attendee> attendeesOf(BookingItem item) {
        return item.invitee()
                .map(invitee -> List.of(new Attendee(new EmailAddress(invitee.email(), invitee.name()), "required")))
                .orElse(List.of());
    }
}
