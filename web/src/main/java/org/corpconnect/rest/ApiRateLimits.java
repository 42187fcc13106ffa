package org.corpconnect.rest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's rate limits: requests per key and per account, booking changes per account (each makes a
 * user's mailbox send mail), and failed keys per client address. Kept in this server's memory: correct
 * on one instance; a cluster needs the buckets in a shared store (Bucket4j has JDBC and JCache ones).
 */
@ApplicationScoped
public class ApiRateLimits {

    private static final int MAX_SUBJECTS = 100_000;

    @Inject
    @ConfigProperty(name = "api.requests-per-minute-per-key")
    long perKey;

    @Inject
    @ConfigProperty(name = "api.requests-per-minute-per-account")
    long perAccount;

    @Inject
    @ConfigProperty(name = "api.booking-changes-per-minute-per-account")
    long bookingChangesPerAccount;

    @Inject
    @ConfigProperty(name = "api.failed-keys-per-minute-per-address")
    long failedKeysPerAddress;

    private RateBuckets keys;
    private RateBuckets accounts;
    private RateBuckets bookingChanges;
    private RateBuckets failedKeys;

    @PostConstruct
    void configure() {
        keys = new RateBuckets(perKey, MAX_SUBJECTS);
        accounts = new RateBuckets(perAccount, MAX_SUBJECTS);
        bookingChanges = new RateBuckets(bookingChangesPerAccount, MAX_SUBJECTS);
        failedKeys = new RateBuckets(failedKeysPerAddress, MAX_SUBJECTS);
    }

    /** One request of a valid key: empty if admitted, else how long to wait (a refused request takes nothing further). */
    Optional<Duration> admit(long keyId, long accountId, boolean bookingChange) {
        Optional<Duration> wait = keys.take(keyId).or(() -> accounts.take(accountId));
        if (wait.isEmpty() && bookingChange) {
            wait = bookingChanges.take(accountId);
        }
        return wait;
    }

    /** How long this address must wait after too many missing or wrong keys; checked before any key is looked up. */
    Optional<Duration> failedKeysWait(String address) {
        return failedKeys.waitFor(address);
    }

    void failedKey(String address) {
        failedKeys.take(address);
    }
}
