package org.corpconnect.booking;

import org.corpconnect.BusinessException;

/** A retry of a booking whose hold lapsed: its slot was given back, so this key books nothing any more. */
public class HoldLapsed extends BusinessException {

    public HoldLapsed(Booking booking) {
        super("The booking " + booking.id() + " was released: its calendar item could not be written in time ("
                + booking.failure().orElse("no reason recorded") + "). Book the slot again with a new Idempotency-Key.");
    }
}
