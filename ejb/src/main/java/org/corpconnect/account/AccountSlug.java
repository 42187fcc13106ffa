package org.corpconnect.account;

import java.util.regex.Pattern;

/** The account's short key: lower-case letters, digits and dashes, as used in URLs and logs. */
public record AccountSlug(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    public AccountSlug {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidAccount("An account key is 1 to 64 lower-case letters, digits or dashes,"
                    + " starting and ending with a letter or digit.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
