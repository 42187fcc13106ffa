package org.corpconnect.credentials;

import java.util.Optional;

/**
 * Re-seals one stored secret under the current master key: a value the current key sealed is kept as
 * it is (so a rotation that was interrupted, or runs twice, is harmless, and its tag is still checked);
 * a value from before the envelope, or one the previous key sealed, is sealed anew under the current key.
 */
public final class SecretRotation {

    private final Optional<SecretCipher> previous;
    private final SecretCipher current;

    public SecretRotation(SecretCipher previous, SecretCipher current) {
        this(Optional.of(previous), current);
    }

    private SecretRotation(Optional<SecretCipher> previous, SecretCipher current) {
        this.previous = previous;
        this.current = current;
    }

    /** No rotation: only values from before the envelope are sealed under the current key. */
    public static SecretRotation sealOnly(SecretCipher current) {
        return new SecretRotation(Optional.empty(), current);
    }

    /** @throws UndecryptableSecret when no key at hand reads the value */
    public String rotate(String stored) {
        if (current.sealedByThisKey(stored)) {
            current.verify(stored); // the tag, not a decryption: this runs for every value at every start
            return stored;
        }
        if (!SecretCipher.isEnveloped(stored)) {
            try {
                return current.encrypt(current.decrypt(stored));
            } catch (UndecryptableSecret notThisKey) {
                if (previous.isEmpty()) {
                    throw notThisKey;
                }
            }
        }
        if (previous.isEmpty()) {
            return current.encrypt(current.decrypt(stored)); // another key's envelope: says which
        }
        return current.encrypt(previous.get().decrypt(stored));
    }
}
