package org.corpconnect.credentials;

import org.jasypt.encryption.pbe.PooledPBEStringEncryptor;
import org.jasypt.exceptions.EncryptionOperationNotPossibleException;
import org.jasypt.iv.RandomIvGenerator;
import org.jasypt.salt.RandomSaltGenerator;

/** Encrypts and decrypts secrets under one master key; thread-safe. */
public final class SecretCipher {

    static final String ALGORITHM = "PBEWITHHMACSHA512ANDAES_256";

    private final PooledPBEStringEncryptor encryptor;

    public SecretCipher(char[] masterKey) {
        encryptor = new PooledPBEStringEncryptor();
        encryptor.setPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors()));
        encryptor.setAlgorithm(ALGORITHM);
        encryptor.setSaltGenerator(new RandomSaltGenerator());
        encryptor.setIvGenerator(new RandomIvGenerator());
        encryptor.setKeyObtentionIterations(10_000);
        encryptor.setPasswordCharArray(masterKey);
        encryptor.initialize();
    }

    public String encrypt(Secret secret) {
        return encryptor.encrypt(secret.reveal());
    }

    public Secret decrypt(String ciphertext) {
        try {
            return Secret.of(encryptor.decrypt(ciphertext));
        } catch (EncryptionOperationNotPossibleException e) {
            // jasypt says nothing more: a wrong master key and a damaged value look the same.
            throw new UndecryptableSecret();
        }
    }
}
