package org.corpconnect.booking;

import java.time.Duration;
import java.util.Optional;
import org.corpconnect.BusinessException;

/**
 * Exchange did not take a booking's calendar item now: a new booking stays recorded (FAILED) for a retry
 * with the same Idempotency-Key; a move or cancellation leaves the booking as it was.
 * {@link #retryAfter()} says when to try again, where Exchange said so.
 */
public class BookingNotWritten extends BusinessException {

    private final String bookingId;
    private final transient Optional<Duration> retryAfter;

    /** A new booking, recorded (FAILED) but not in the calendar yet: a retry with the same key resumes it. */
    public static BookingNotWritten recorded(String bookingId, String reason, Optional<Duration> retryAfter) {
        return new BookingNotWritten(bookingId, "The booking " + bookingId + " is recorded, but its calendar item could"
                + " not be written: " + reason + " Retry with the same Idempotency-Key.", retryAfter);
    }

    private BookingNotWritten(String bookingId, String message, Optional<Duration> retryAfter) {
        super(message);
        this.bookingId = bookingId;
        this.retryAfter = retryAfter;
    }

    /** A move or a cancellation that Exchange did not take: the booking is as it was. */
    public static BookingNotWritten unchanged(String bookingId, String reason, Optional<Duration> retryAfter) {
        return new BookingNotWritten(bookingId, "The booking " + bookingId + " is unchanged: its calendar item could not"
                + " be changed: " + reason + " Try again later.", retryAfter);
    }

    public String bookingId() {
        return bookingId;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
