package org.corpconnect.booking;

public enum BookingStatus {
    /** Reserved in the database; its calendar item is being written. */
    PENDING,
    /** In the user's calendar. */
    CONFIRMED,
    /** The calendar item could not be written; a retry with the same idempotency key resumes it. */
    FAILED,
    /** The live check found the slot taken in Exchange: nothing was written. */
    REJECTED,
    CANCELLED;

    public boolean holdsTheSlot() {
        return this == PENDING || this == CONFIRMED || this == FAILED;
    }
}
