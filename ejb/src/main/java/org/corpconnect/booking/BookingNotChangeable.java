package org.corpconnect.booking;

import java.time.Duration;
import org.corpconnect.BusinessException;

/** The booking's status does not allow the change asked for (it was cancelled, failed, released...). */
public class BookingNotChangeable extends BusinessException {

    private BookingNotChangeable(String message) {
        super(message);
    }

    static BookingNotChangeable notMovable(BookingStatus status) {
        return new BookingNotChangeable("Only a confirmed booking can be moved; this one is " + status + ".");
    }

    static BookingNotChangeable cancelledMeanwhile() {
        return new BookingNotChangeable("The booking was cancelled while it was being moved; its calendar item is removed.");
    }

    static BookingNotChangeable notReleasable(BookingStatus status, Duration lease) {
        return new BookingNotChangeable("Only a failed booking, or one whose calendar write has not answered for "
                + lease.toSeconds() + " seconds, can be released; this one is " + status + ".");
    }
}
