package org.corpconnect.booking;

import org.corpconnect.BusinessException;

/** A booking request with a bad field; {@link #field()} names it. */
public class InvalidBooking extends BusinessException {

    private final String field;

    public InvalidBooking(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
