/**
 * Secrets at rest: every stored password and client secret is encrypted with jasypt
 * (PBE with HMAC-SHA512 and AES-256, a random salt and IV per value) under a master key that comes
 * only from the environment or a file named by configuration, never from the database or the code.
 * Plaintext lives in {@link org.corpconnect.credentials.Secret}, whose {@code toString} never shows it.
 */
package org.corpconnect.credentials;
