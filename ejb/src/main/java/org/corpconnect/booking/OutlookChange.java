package org.corpconnect.booking;

/**
 * How a booking's own calendar item changed in Outlook when the booking did not follow it (see
 * {@link OutlookFlag}): the account's settings said to leave it, or the new time breaks the booking rules.
 */
public enum OutlookChange {
    /** The item was deleted (or cancelled); the account does not cancel bookings on that. */
    DELETED,
    /** The item was moved; the account does not follow moves. */
    MOVED,
    /** The item was moved to a time the booking rules do not allow (or another booking holds). */
    MOVE_REFUSED
}
