package org.corpconnect.exchange;

/**
 * The calendar item is no longer there (ErrorItemNotFound): the user deleted it, or it was never
 * created. Whoever keeps the booking decides whether to write it again.
 */
public class CalendarItemNotFound extends ExchangeException {

    public CalendarItemNotFound(String message) {
        super(message);
    }
}
