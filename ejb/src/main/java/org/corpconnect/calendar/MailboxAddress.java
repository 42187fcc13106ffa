package org.corpconnect.calendar;

import java.util.Locale;
import java.util.regex.Pattern;

/** An SMTP address of an Exchange mailbox, compared case-insensitively as Exchange does. */
public record MailboxAddress(String value) {

    // Deliberately plain: one @, no spaces or angle brackets, a dotted domain; Exchange has the last word.
    private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s<>\"]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    public MailboxAddress {
        if (value == null || value.length() > 320 || !PLAUSIBLE.matcher(value.strip()).matches()
                || ExchangeText.problemOf(value).isPresent()) {
            throw new InvalidMailboxAddress(value);
        }
        value = value.strip().toLowerCase(Locale.ROOT);
    }

    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
