package org.corpconnect.booking;

import java.time.Duration;
import java.util.Optional;
import org.corpconnect.BusinessException;

/**
 * The booking is recorded (FAILED) but its calendar item could not be written now. The caller retries
 * with the same Idempotency-Key; {@link #retryAfter()} says when, where Exchange said so.
 */
public class BookingNotWritten extends BusinessException {

    private final String bookingId;
    private final transient Optional<Duration> retryAfter;

    public BookingNotWritten(String bookingId, String reason, Optional<Duration> retryAfter) {
        super("The booking " + bookingId + " is recorded, but its calendar item could not be written: " + reason
                + " Retry with the same Idempotency-Key.");
        this.bookingId = bookingId;
        this.retryAfter = retryAfter;
    }

    public String bookingId() {
        return bookingId;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
