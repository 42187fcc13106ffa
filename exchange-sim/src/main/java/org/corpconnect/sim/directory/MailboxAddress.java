package org.corpconnect.sim.directory;

import java.util.Locale;
import java.util.Objects;

/** An SMTP address; compared case-insensitively, as Exchange resolves recipients. */
public final class MailboxAddress implements Comparable<MailboxAddress> {
    private final String value;

    private MailboxAddress(String value) {
        this.value = value;
    }

    public static MailboxAddress of(String smtp) {
        Objects.requireNonNull(smtp, "smtp");
        String v = smtp.trim();
        if (v.regionMatches(true, 0, "smtp:", 0, 5)) {
            v = v.substring(5);
        }
        return new MailboxAddress(v.toLowerCase(Locale.ROOT));
    }

    public String value() {
        return value;
    }

    public String localPart() {
        int at = value.indexOf('@');
        return at < 0 ? value : value.substring(0, at);
    }

    public String domain() {
        int at = value.indexOf('@');
        return at < 0 ? "" : value.substring(at + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailboxAddress other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public int compareTo(MailboxAddress o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
