package org.corpconnect.booking;

import org.corpconnect.BusinessException;

public class BookingNotFound extends BusinessException {

    public BookingNotFound() {
        super("No such booking in this account.");
    }
}
