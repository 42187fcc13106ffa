package org.corpconnect.credentials;

import java.util.Objects;

/**
 * A plaintext secret in memory. It prints as asterisks everywhere (logs, exception messages,
 * JSON through {@code toString}); only {@link #reveal()} gives the value, to the code that must use it.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("A secret cannot be empty.");
        }
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && Objects.equals(value, secret.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "********";
    }
}
