package org.corpconnect.credentials;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's cipher for stored secrets. A {@code @Startup} bean, so that a missing master key
 * stops the deployment at once with a clear message instead of failing on the first credential.
 */
@Singleton
@Startup
@Lock(LockType.READ) // The cipher is thread-safe (a pool of encryptors): no call waits for another.
public class SecretBox {

    /**
     * Decrypting a stored value derives its key anew (10,000 PBKDF2 rounds, milliseconds of CPU, on
     * every booking's connection): each stored value is decrypted once, then taken from memory, where
     * its plaintext is during every Exchange call anyway. A new or re-sealed value is another key here.
     */
    private final Cache<String, Secret> decrypted = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    @Inject
    @ConfigProperty(name = "corpconnect.master-key")
    Optional<String> masterKey;

    @Inject
    @ConfigProperty(name = "corpconnect.master-key-file")
    Optional<String> masterKeyFile;

    private SecretCipher cipher;

    @PostConstruct
    void open() {
        char[] key = MasterKeySource.resolve(masterKey, masterKeyFile);
        cipher = new SecretCipher(key);
        Arrays.fill(key, '\0');
        masterKey = Optional.empty();
    }

    public String encrypt(Secret secret) {
        return cipher.encrypt(secret);
    }

    public Secret decrypt(String ciphertext) {
        return decrypted.get(ciphertext, cipher::decrypt);
    }
}
