package org.corpconnect.booking;

public enum BookingStatus {
    /** Reserved in the database; its calendar item is being written. */
    PENDING,
    /** In the user's calendar. */
    CONFIRMED,
    /**
     * The calendar item could not be written; a retry with the same idempotency key resumes it. It holds
     * the slot for {@code booking.hold-minutes}, then the sweep releases it (or confirms it, if the write
     * did land after all).
     */
    FAILED,
    /** The live check found the slot taken in Exchange: nothing was written. */
    REJECTED,
    CANCELLED,
    /** A FAILED or abandoned booking whose hold lapsed (or that an admin released): no item, the slot is free. */
    RELEASED;

    public boolean holdsTheSlot() {
        return this == PENDING || this == CONFIRMED || this == FAILED;
    }
}
