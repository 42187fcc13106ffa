package org.corpconnect.booking;

import org.corpconnect.BusinessException;

/** Another change of this booking's calendar item is under way: try again in a moment. */
public class BookingInProgress extends BusinessException {

    public BookingInProgress() {
        super("This booking is being written into the calendar right now; retry in a moment with the same Idempotency-Key.");
    }

    private BookingInProgress(String message) {
        super(message);
    }

    /** A move or cancellation while another one is under way. */
    public static BookingInProgress changing() {
        return new BookingInProgress("Another change of this booking is being made in the calendar right now;"
                + " try again in a moment.");
    }
}
