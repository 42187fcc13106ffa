/**
 * Secrets at rest: every stored password and client secret is encrypted with jasypt
 * (PBE with HMAC-SHA512 and AES-256, a random salt and IV per value) under a master key that comes
 * only from the environment or a file named by configuration, never from the database or the code.
 * Plaintext lives in {@link org.corpconnect.credentials.Secret}, whose {@code toString} never shows it.
 * Each stored value names the key that sealed it and carries an integrity tag
 * ({@link org.corpconnect.credentials.SecretCipher}): a wrong key is an error, never garbage. At start,
 * {@link org.corpconnect.credentials.MasterKeyRotation} re-seals every value under the current key
 * (rotation, or values from before the tag), all or nothing.
 */
package org.corpconnect.credentials;
