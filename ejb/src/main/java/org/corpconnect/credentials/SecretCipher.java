package org.corpconnect.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.jasypt.exceptions.EncryptionOperationNotPossibleException;
import org.jasypt.encryption.pbe.PooledPBEStringEncryptor;
import org.jasypt.iv.RandomIvGenerator;
import org.jasypt.salt.RandomSaltGenerator;

/**
 * Encrypts and decrypts secrets under one master key; thread-safe.
 *
 * <p>A stored value is {@code v2:<key id>:<jasypt ciphertext>:<tag>}. jasypt's PBE with AES-CBC has no
 * integrity check (its PBE offers no AES-GCM): a wrong key fails only on the padding, and about one time
 * in 256 "decrypts" to garbage. So the envelope carries the id of the key it was sealed with and an
 * HMAC-SHA256 over everything before the tag. Both keys, the id's and the tag's, are derived from the
 * master key with PBKDF2 (as costly as jasypt's own key derivation, so the id does not make guessing a
 * weak master key cheaper). A value under another key or a damaged value is an error, never garbage.
 *
 * <p>A value without the prefix is from before the envelope (plain jasypt): it is still read, rejecting
 * a result that is not printable text, and {@link MasterKeyRotation} seals it at the next start.
 */
public final class SecretCipher {

    static final String ALGORITHM = "PBEWITHHMACSHA512ANDAES_256";
    static final String VERSION = "v2";
    private static final int KEY_OBTENTION_ITERATIONS = 10_000;
    /** Fixed: the derived keys must be the same on every instance and after every restart. */
    private static final byte[] DERIVATION_SALT = "corpconnect secret envelope v2".getBytes(StandardCharsets.US_ASCII);

    private final PooledPBEStringEncryptor encryptor;
    private final byte[] tagKey;
    private final String keyId;

    public SecretCipher(char[] masterKey) {
        this(masterKey, KEY_OBTENTION_ITERATIONS);
    }

    /** With fewer iterations only in tests that need thousands of values or keys in seconds. */
    SecretCipher(char[] masterKey, int keyObtentionIterations) {
        encryptor = new PooledPBEStringEncryptor();
        encryptor.setPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors()));
        encryptor.setAlgorithm(ALGORITHM);
        encryptor.setSaltGenerator(new RandomSaltGenerator());
        encryptor.setIvGenerator(new RandomIvGenerator());
        encryptor.setKeyObtentionIterations(keyObtentionIterations);
        encryptor.setPasswordCharArray(masterKey);
        encryptor.initialize();
        byte[] derived = derive(masterKey, keyObtentionIterations);
        tagKey = Arrays.copyOfRange(derived, 0, 32);
        keyId = HexFormat.of().formatHex(hmac(Arrays.copyOfRange(derived, 32, 64), "key id"), 0, 8);
        Arrays.fill(derived, (byte) 0);
    }

    /** Which master key this is, as stored beside each value: 16 hex digits, not the key. */
    public String keyId() {
        return keyId;
    }

    public String encrypt(Secret secret) {
        String sealed = VERSION + ":" + keyId + ":" + encryptor.encrypt(secret.reveal());
        return sealed + ":" + tag(sealed);
    }

    /** @throws UndecryptableSecret under another master key, or damaged; never a wrong plaintext */
    public Secret decrypt(String stored) {
        if (!isEnveloped(stored)) {
            return decryptLegacy(stored);
        }
        String ciphertext = verify(stored);
        try {
            return Secret.of(encryptor.decrypt(ciphertext));
        } catch (EncryptionOperationNotPossibleException | IllegalArgumentException e) {
            throw UndecryptableSecret.damaged(); // the tag matched: only a bug in between gets here
        }
    }

    /**
     * Checks an enveloped value's key id and tag without decrypting it (no key derivation: cheap enough
     * for every stored value at every start).
     *
     * @return the jasypt ciphertext inside
     * @throws UndecryptableSecret under another master key, or damaged
     */
    public String verify(String stored) {
        String[] parts = stored.split(":", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw UndecryptableSecret.damaged();
        }
        if (!parts[1].equals(keyId)) {
            throw UndecryptableSecret.otherKey(parts[1], keyId);
        }
        String sealed = stored.substring(0, stored.lastIndexOf(':'));
        byte[] expected = tag(sealed).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII))) {
            throw UndecryptableSecret.damaged();
        }
        return parts[2];
    }

    /** Labelled with this key's id (the tag is checked by {@link #verify} and {@link #decrypt}). */
    public boolean sealedByThisKey(String stored) {
        return isEnveloped(stored) && stored.startsWith(VERSION + ":" + keyId + ":");
    }

    public static boolean isEnveloped(String stored) {
        return stored.startsWith(VERSION + ":");
    }

    /**
     * A value from before the envelope. A wrong key passes jasypt's padding check about once in 256;
     * what it then yields is random bytes, which are practically never valid UTF-8 printable text.
     */
    private Secret decryptLegacy(String stored) {
        String plain;
        try {
            plain = encryptor.decrypt(stored);
        } catch (EncryptionOperationNotPossibleException | IllegalArgumentException e) {
            throw UndecryptableSecret.legacy();
        }
        if (plain == null || plain.isEmpty() || plain.indexOf('\uFFFD') >= 0
                || plain.chars().anyMatch(Character::isISOControl)) {
            throw UndecryptableSecret.legacy();
        }
        return Secret.of(plain);
    }

    private String tag(String sealed) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(tagKey, sealed));
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has HmacSHA256.", e);
        }
    }

    private static byte[] derive(char[] masterKey, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(masterKey, DERIVATION_SALT, iterations, 512);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has PBKDF2WithHmacSHA512.", e);
        } finally {
            spec.clearPassword();
        }
    }
}
