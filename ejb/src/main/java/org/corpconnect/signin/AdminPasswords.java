package org.corpconnect.signin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin passwords' PBKDF2 hashes (the server's {@link Pbkdf2PasswordHash}, stored as
 * {@code algorithm:iterations:salt:hash}): at least 600,000 iterations of HMAC-SHA256 (OWASP's figure
 * for 2023), where the platform default is 2,048. Older hashes still verify, and say they are outdated.
 */
@ApplicationScoped
public class AdminPasswords {

    static final int MINIMUM_ITERATIONS = 600_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    @Inject
    @ConfigProperty(name = "signin.password-hash-iterations")
    int configuredIterations;

    @Inject
    private Pbkdf2PasswordHash pbkdf2;

    private int iterations;

    /** Verified instead of a stored hash for an unknown user name, so that both take the same time. */
    private String dummyHash;

    @PostConstruct
    void configure() {
        iterations = Math.max(MINIMUM_ITERATIONS, configuredIterations);
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        dummyHash = pbkdf2.generate(Base64.getEncoder().encodeToString(random).toCharArray());
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    public boolean matches(char[] password, String storedHash) {
        return pbkdf2.verify(password, storedHash);
    }

    /** The same work as {@link #matches} for a user who does not exist; never true. */
    public void spendAsIfMatching(char[] password) {
        pbkdf2.verify(password, dummyHash);
    }

    /** A hash made with another algorithm or fewer iterations than today's: rehash it at the next sign-in. */
    public boolean outdated(String storedHash) {
        String[] parts = storedHash.split(":");
        try {
            return parts.length != 4 || !ALGORITHM.equals(parts[0]) || Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
