package org.corpconnect.credentials;

/** A stored secret that this master key cannot decrypt: sealed under another key, or damaged. */
public class UndecryptableSecret extends IllegalStateException {

    private UndecryptableSecret(String message) {
        super(message);
    }

    static UndecryptableSecret otherKey(String storedKeyId, String thisKeyId) {
        return new UndecryptableSecret("A stored secret was encrypted under another master key (key id " + storedKeyId
                + ") than the configured one (key id " + thisKeyId + ").");
    }

    static UndecryptableSecret damaged() {
        return new UndecryptableSecret("A stored secret is damaged: its integrity tag does not match its value.");
    }

    static UndecryptableSecret legacy() {
        return new UndecryptableSecret("A stored secret cannot be decrypted with the configured master key:"
                + " the master key is not the one the secret was stored with.");
    }
}
