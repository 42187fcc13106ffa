package org.corpconnect.credentials;

/**
 * Re-encrypts one stored secret for a master-key rotation: a value the current key already reads is
 * kept as it is (so a rotation that was interrupted, or runs twice, is harmless), and one only the
 * previous key reads is encrypted anew under the current key.
 */
public final class SecretRotation {

    private final SecretCipher previous;
    private final SecretCipher current;

    public SecretRotation(SecretCipher previous, SecretCipher current) {
        this.previous = previous;
        this.current = current;
    }

    /** @throws UndecryptableSecret when neither key reads the value */
    public String rotate(String ciphertext) {
        try {
            current.decrypt(ciphertext);
            return ciphertext;
        } catch (UndecryptableSecret notYetRotated) {
            return current.encrypt(previous.decrypt(ciphertext));
        }
    }
}
