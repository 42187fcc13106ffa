package org.corpconnect.booking;

import org.corpconnect.BusinessException;

public class BookingInProgress extends BusinessException {

    public BookingInProgress() {
        super("This booking is being written into the calendar right now; retry in a moment with the same Idempotency-Key.");
    }
}
