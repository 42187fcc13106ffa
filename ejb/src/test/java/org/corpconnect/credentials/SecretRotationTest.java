package org.corpconnect.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SecretRotationTest {

    private final SecretCipher oldKey = new SecretCipher("the-old-master-key-123".toCharArray());
    private final SecretCipher newKey = new SecretCipher("the-new-master-key-456".toCharArray());
    private final SecretRotation rotation = new SecretRotation(oldKey, newKey);

    @Test
    void aSecretUnderThePreviousKeyIsReadableUnderTheNewOneAfterwards() {
        String stored = oldKey.encrypt(Secret.of("Exchange-Pa55"));

        String rotated = rotation.rotate(stored);

        assertEquals("Exchange-Pa55", newKey.decrypt(rotated).reveal());
        assertThrows(UndecryptableSecret.class, () -> oldKey.decrypt(rotated));
    }

    @Test
    void aSecretAlreadyUnderTheNewKeyIsLeftAsItIs() {
        String stored = newKey.encrypt(Secret.of("Exchange-Pa55"));

        assertSame(stored, rotation.rotate(stored));
    }

    @Test
    void aSecretNeitherKeyReadsStopsTheRotation() {
        String foreign = new SecretCipher("some-third-master-key".toCharArray()).encrypt(Secret.of("x"));

        assertThrows(UndecryptableSecret.class, () -> rotation.rotate(foreign));
    }
}
