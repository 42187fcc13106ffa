package org.corpconnect.credentials;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's cipher for stored secrets. A {@code @Startup} bean, so that a missing master key
 * stops the deployment at once with a clear message instead of failing on the first credential.
 */
@Singleton
@Startup
public class SecretBox {

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
        return cipher.decrypt(ciphertext);
    }
}
