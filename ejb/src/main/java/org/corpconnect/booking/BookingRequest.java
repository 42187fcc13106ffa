package org.corpconnect.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.corpconnect.calendar.ExchangeText;
import org.corpconnect.calendar.InvalidMailboxAddress;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.exchange.BookingItem;

/**
 * A booking as the front end asks for it; every field is checked here, with its name in the message,
 * before anything is reserved: text Exchange could not store is refused now, not on every try later.
 */
public record BookingRequest(MailboxAddress user, Instant start, Instant end, String title,
                             Optional<Invitee> invitee, String idempotencyKey) {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{8,200}");

    public record Invitee(String name, String email) {
        public Invitee {
            name = name == null || name.isBlank() ? null : clean(name.strip(), "invitee.name", 200);
            if (email == null) {
                throw new InvalidBooking("invitee.email", "is required.");
            }
            ExchangeText.problemOf(email).ifPresent(problem -> {
                throw new InvalidBooking("invitee.email", problem);
            });
            try {
                email = new MailboxAddress(email).value();
            } catch (InvalidMailboxAddress e) {
                throw new InvalidBooking("invitee.email", "must be one email address such as jane@example.com.");
            }
        }
    }

    public BookingRequest {
        if (user == null) {
            throw new InvalidBooking("user", "is required: the mailbox address of the user to book.");
        }
        if (start == null || end == null) {
            throw new InvalidBooking(start == null ? "start" : "end", "is required: an ISO-8601 date-time with offset.");
        }
        if (!end.isAfter(start)) {
            throw new InvalidBooking("end", "must be after start.");
        }
        title = clean(title == null ? "" : title.strip(), "title", BookingItem.MAX_SUBJECT_LENGTH);
        if (title.isEmpty()) {
            throw new InvalidBooking("title", "is required.");
        }
        invitee = invitee == null ? Optional.empty() : invitee;
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidBooking("Idempotency-Key", "header is required: 8 to 200 visible ASCII characters, one per booking"
                    + " (a UUID is fine); a retry sends the same one.");
        }
    }

    /** A fingerprint of what is asked, to recognise the same key used for another request. */
    String fingerprint() {
        String text = String.join("\n", user.value(), start.toString(), end.toString(), title,
                invitee.map(i -> i.email() + "\n" + i.name()).orElse(""));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line of text that Exchange can store, at most {@code max} UTF-16 units (Exchange counts so). */
    private static String clean(String value, String field, int max) {
        ExchangeText.problemOf(value).ifPresent(problem -> {
            throw new InvalidBooking(field, problem);
        });
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidBooking(field, "must be one line, without control characters.");
        }
        if (value.length() > max) {
            throw new InvalidBooking(field, "is at most " + max + " characters.");
        }
        return value;
    }
}
