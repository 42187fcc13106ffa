package org.corpconnect.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private final SecretCipher cipher = new SecretCipher("a-master-key-of-some-length".toCharArray());

    @Test
    void roundTripsASecret() {
        String stored = cipher.encrypt(Secret.of("Pa55w0rd!é"));

        assertEquals("Pa55w0rd!é", cipher.decrypt(stored).reveal());
        assertFalse(stored.contains("Pa55w0rd"));
    }

    @Test
    void theSameSecretEncryptsDifferentlyEachTime() {
        // Random salt and IV: equal passwords are not recognisable in the database.
        assertNotEquals(cipher.encrypt(Secret.of("same")), cipher.encrypt(Secret.of("same")));
    }

    @Test
    void anotherMasterKeyCannotDecrypt() {
        String stored = cipher.encrypt(Secret.of("Tr0ub4dor&3"));
        SecretCipher other = new SecretCipher("another-master-key-entirely".toCharArray());

        var failure = assertThrows(UndecryptableSecret.class, () -> other.decrypt(stored));
        assertFalse(failure.getMessage().contains("Tr0ub4dor"));
    }

    @Test
    void aSecretNeverPrintsItsValue() {
        Secret secret = Secret.of("hunter2");

        assertEquals("********", secret.toString());
        assertFalse(String.valueOf(java.util.List.of(secret)).contains("hunter2"));
    }
}
