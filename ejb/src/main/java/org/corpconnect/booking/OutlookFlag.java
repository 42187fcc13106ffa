package org.corpconnect.booking;

import java.time.Instant;
import java.util.Optional;

/**
 * A booking whose item changed in Outlook without the booking following: what happened, when it was
 * seen, where the item is now (after a move), why a move was refused, and what the admin can do. The
 * booking still holds its own slot meanwhile.
 */
public record OutlookFlag(OutlookChange change, Instant seenAt, Optional<Instant> itemStart, Optional<Instant> itemEnd,
                          Optional<String> refusal) {

    /** What happened, in a sentence for the bookings page. */
    public String what() {
        return switch (change) {
            case DELETED -> "Its calendar item was deleted in Outlook; the booking still holds its slot (the account does"
                    + " not cancel bookings deleted in Outlook).";
            case MOVED -> "Its calendar item was moved in Outlook; the booking still holds its own time (the account does"
                    + " not follow moves made in Outlook).";
            case MOVE_REFUSED -> "Its calendar item was moved in Outlook to a time the booking cannot take: "
                    + refusal.orElse("it breaks the booking rules.");
        };
    }

    /** What the admin can do about it. */
    public String advice() {
        return switch (change) {
            case DELETED -> "Cancel the booking if it is off, or clear the flag to keep it as it is.";
            case MOVED, MOVE_REFUSED -> "Move the item back in Outlook (or reschedule through the API), cancel the booking,"
                    + " or clear the flag to keep it as it is.";
        };
    }
}
