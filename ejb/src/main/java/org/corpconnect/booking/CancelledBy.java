package org.corpconnect.booking;

/** Who cancelled a booking, as its {@code booking.cancelled} webhook says. */
public enum CancelledBy {
    /** The booking front end, through the API. */
    API,
    /** An admin, on the bookings page. */
    ADMIN,
    /** The user, in Outlook: the booking's item was found deleted with no cancellation asked for. */
    OUTLOOK
}
