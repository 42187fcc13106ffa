package org.corpconnect.webhook;

/** The events an endpoint receives, with their names on the wire. */
public enum WebhookEventType {
    BOOKING_CREATED("booking.created"),
    BOOKING_RESCHEDULED("booking.rescheduled"),
    /** With {@code actor}: who cancelled it (API, ADMIN, OUTLOOK). */
    BOOKING_CANCELLED("booking.cancelled"),
    USER_CALENDAR_ACCESS_CHANGED("user.calendar-access-changed"),
    CONNECTION_STATUS_CHANGED("connection.status-changed");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
