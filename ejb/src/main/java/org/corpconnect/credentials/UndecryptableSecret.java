package org.corpconnect.credentials;

/** A stored secret that this master key cannot decrypt: a wrong key, or a damaged value. */
public class UndecryptableSecret extends IllegalStateException {

    public UndecryptableSecret() {
        super("A stored secret cannot be decrypted with the configured master key:"
                + " the master key is not the one the secret was stored with.");
    }
}
