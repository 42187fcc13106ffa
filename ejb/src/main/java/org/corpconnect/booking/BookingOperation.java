package org.corpconnect.booking;

/**
 * A change of a booking's calendar item in progress. One at a time per booking: whoever claims it
 * (a request, the sweep) calls Exchange with no transaction open, then settles it only if the claim
 * is still its own; a claim older than its lease may be taken over by the sweep.
 */
enum BookingOperation {
    /** CreateItem of a new (PENDING) booking, or of one resumed by a retry. */
    WRITE,
    /** UpdateItem to the booking's new times. */
    MOVE,
    /** DeleteItem of a confirmed booking. */
    CANCEL,
    /** The sweep settling a lapsed hold or a change whose owner is gone. */
    SWEEP
}
