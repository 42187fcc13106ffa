package org.corpconnect.connection;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A Graph app's client secret or certificate that stops working soon, or did: Entra ID then refuses
 * the app and every user of the account goes stale. Said early enough for the admin to make a new
 * one in Entra ID and enter it here before the old one ends.
 */
public record SecretExpiry(boolean certificate, LocalDate expires, long daysLeft) {

    public SecretExpiry {
        Objects.requireNonNull(expires);
    }

    /** The warning due {@code today}, if the secret ends within {@code warningDays} days or has ended. */
    public static Optional<SecretExpiry> due(boolean certificate, Optional<LocalDate> expires, LocalDate today,
                                             int warningDays) {
        return expires.map(end -> new SecretExpiry(certificate, end, ChronoUnit.DAYS.between(today, end)))
                .filter(expiry -> expiry.daysLeft() <= Math.max(0, warningDays));
    }

    public boolean expired() {
        return daysLeft < 0;
    }

    /** For the admin: what ends when, and what to do. */
    public String message() {
        String what = certificate ? "certificate" : "client secret";
        String when = expired() ? "expired on " + expires + ": Entra ID refuses the app since"
                : daysLeft == 0 ? "expires today (" + expires + ")"
                : "expires on " + expires + ", in " + daysLeft + (daysLeft == 1 ? " day" : " days");
        return "The app's " + what + " " + when + ". Make a new " + what + " in Entra ID (App registrations > the app >"
                + " Certificates & secrets) and enter it on the connection page"
                + (expired() ? "." : " before then; the old one keeps working until it ends.");
    }
}
