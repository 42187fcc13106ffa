package org.corpconnect.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Random wrong keys; fewer iterations than the product's 10,000, so that a thousand keys take seconds. */
    private static final int KEYS = 1_000;
    private static final int FEW_ITERATIONS = 500;

    private static SecretCipher randomKey(java.security.SecureRandom random) {
        byte[] key = new byte[24];
        random.nextBytes(key);
        return new SecretCipher(java.util.Base64.getEncoder().encodeToString(key).toCharArray(), FEW_ITERATIONS);
    }

    @Test
    void aWrongKeyIsAnErrorNeverGarbage() {
        // jasypt's padding check alone lets about one wrong key in 256 "decrypt" to garbage: among 1,000 keys
        // about four would have, before the envelope.
        SecretCipher right = new SecretCipher("a-master-key-of-some-length".toCharArray(), FEW_ITERATIONS);
        String stored = right.encrypt(Secret.of("Tr0ub4dor&3"));
        java.security.SecureRandom random = new java.security.SecureRandom();
        java.util.Set<String> keyIds = new java.util.HashSet<>();
        for (int i = 0; i < KEYS; i++) {
            SecretCipher wrong = randomKey(random);
            keyIds.add(wrong.keyId());
            var failure = assertThrows(UndecryptableSecret.class, () -> wrong.decrypt(stored));
            assertTrue(failure.getMessage().contains(right.keyId()), failure.getMessage());
            // Even a value relabelled with the wrong key's id fails, on the integrity tag.
            String relabelled = stored.replace(":" + right.keyId() + ":", ":" + wrong.keyId() + ":");
            assertThrows(UndecryptableSecret.class, () -> wrong.decrypt(relabelled));
        }
        assertEquals(KEYS, keyIds.size(), "every key has its own id");
        assertEquals("Tr0ub4dor&3", right.decrypt(stored).reveal());
    }

    @Test
    void aValueFromBeforeTheEnvelopeUnderAWrongKeyIsAnErrorNeverGarbage() {
        org.jasypt.encryption.pbe.PooledPBEStringEncryptor legacy = new org.jasypt.encryption.pbe.PooledPBEStringEncryptor();
        legacy.setPoolSize(2);
        legacy.setAlgorithm(SecretCipher.ALGORITHM);
        legacy.setSaltGenerator(new org.jasypt.salt.RandomSaltGenerator());
        legacy.setIvGenerator(new org.jasypt.iv.RandomIvGenerator());
        legacy.setKeyObtentionIterations(FEW_ITERATIONS);
        legacy.setPassword("a-master-key-of-some-length");
        String stored = legacy.encrypt("Tr0ub4dor&3");
        assertEquals("Tr0ub4dor&3", new SecretCipher("a-master-key-of-some-length".toCharArray(), FEW_ITERATIONS)
                .decrypt(stored).reveal());
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int i = 0; i < KEYS; i++) {
            SecretCipher wrong = randomKey(random);
            assertThrows(UndecryptableSecret.class, () -> wrong.decrypt(stored));
        }
    }

    @Test
    void aDamagedValueIsAnError() {
        String stored = cipher.encrypt(Secret.of("Tr0ub4dor&3"));
        String body = stored.substring(0, stored.lastIndexOf(':'));
        int middle = body.length() - 10;
        char flipped = body.charAt(middle) == 'A' ? 'B' : 'A';
        String damaged = body.substring(0, middle) + flipped + stored.substring(middle + 1);

        assertTrue(stored.startsWith("v2:" + cipher.keyId() + ":"), stored);
        assertThrows(UndecryptableSecret.class, () -> cipher.decrypt(damaged));
        assertThrows(UndecryptableSecret.class, () -> cipher.decrypt(body + ":AAAA"));
        assertThrows(UndecryptableSecret.class, () -> cipher.decrypt(body));
    }

    @Test
    void aSecretNeverPrintsItsValue() {
        Secret secret = Secret.of("hunter2");

        assertEquals("********", secret.toString());
        assertFalse(String.valueOf(java.util.List.of(secret)).contains("hunter2"));
    }
}
