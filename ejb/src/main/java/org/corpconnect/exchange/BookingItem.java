package org.corpconnect.exchange;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.corpconnect.calendar.MailboxAddress;

/**
 * What a booking puts into the owner's calendar: nothing more than a subject, its span, the booking
 * id (kept in an extended property, so the item can be found again) and at most one invitee.
 * Exchange stores whole seconds: start and end are truncated to the second.
 */
public record BookingItem(String bookingId, String subject, Instant start, Instant end, Optional<Invitee> invitee) {

    /**
     * The named property that carries the booking id on the item, the same whichever protocol wrote
     * it (so an account moved from EWS to Graph still finds its items): our own property set, never change it.
     */
    public static final UUID PROPERTY_SET = UUID.fromString("c0a7e5d2-4b1f-4e8a-9f36-2d5b8e71a94c");
    public static final String BOOKING_ID_PROPERTY = "BookingId";

    /** Exchange's limit for an item's subject. */
    public static final int MAX_SUBJECT_LENGTH = 255;
    /** The booking id travels in a String extended property; keep it short and printable. */
    public static final int MAX_BOOKING_ID_LENGTH = 255;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public BookingItem {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(invitee, "invitee");
        if (bookingId.isBlank() || bookingId.length() > MAX_BOOKING_ID_LENGTH || CONTROL.matcher(bookingId).find()) {
            throw new IllegalArgumentException("A booking id is 1 to " + MAX_BOOKING_ID_LENGTH
                    + " characters without control characters.");
        }
        requirePrintable("subject", subject);
        start = start.truncatedTo(ChronoUnit.SECONDS);
        end = end.truncatedTo(ChronoUnit.SECONDS);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A booking ends after it starts: " + start + " .. " + end);
        }
    }

    public BookingItem(String bookingId, String subject, Instant start, Instant end) {
        this(bookingId, subject, start, end, Optional.empty());
    }

    public BookingItem(String bookingId, String subject, Instant start, Instant end, Invitee invitee) {
        this(bookingId, subject, start, end, Optional.of(invitee));
    }

    /**
     * The one person invited to the booking: the item then is a meeting and the invitee is told of
     * changes. A missing name is empty (Exchange then shows the address).
     */
    public record Invitee(String name, String email) {

        public Invitee {
            name = name == null ? "" : name.strip();
            Objects.requireNonNull(email, "email");
            requirePrintable("invitee name", name);
            email = new MailboxAddress(email).value(); // one plausible SMTP address, as for mailboxes
        }

        /** The address alone, shown by its address. */
        public Invitee(String email) {
            this("", email);
        }
    }

    private static void requirePrintable(String field, String value) {
        if (value.length() > MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException("The " + field + " has at most " + MAX_SUBJECT_LENGTH
                    + " characters, got " + value.length() + ".");
        }
        if (CONTROL.matcher(value).find()) {
            throw new IllegalArgumentException("The " + field + " may not contain control characters.");
        }
    }
}
