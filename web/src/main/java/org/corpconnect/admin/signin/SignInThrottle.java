package org.corpconnect.admin.signin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles password guessing per user name and per client address, for known and unknown names
 * alike (so that the answers never tell which names exist). Kept in this server's memory: correct on
 * one instance; a cluster needs the counters in a shared store.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final int MAX_SUBJECTS = 100_000;

    @Inject
    @ConfigProperty(name = "signin.failures-before-delay")
    int failuresBeforeDelay;

    @Inject
    @ConfigProperty(name = "signin.failures-before-block")
    int failuresBeforeBlock;

    @Inject
    @ConfigProperty(name = "signin.address-failures-before-delay")
    int addressFailuresBeforeDelay;

    @Inject
    @ConfigProperty(name = "signin.address-failures-before-block")
    int addressFailuresBeforeBlock;

    @Inject
    @ConfigProperty(name = "signin.block-seconds")
    long blockSeconds;

    private FailureCounter byName;
    private FailureCounter byAddress;

    @PostConstruct
    void configure() {
        Duration block = Duration.ofSeconds(blockSeconds);
        byName = new FailureCounter(new FailurePolicy(failuresBeforeDelay, failuresBeforeBlock, block), Clock.systemUTC(), MAX_SUBJECTS);
        byAddress = new FailureCounter(new FailurePolicy(addressFailuresBeforeDelay, addressFailuresBeforeBlock, block),
                Clock.systemUTC(), MAX_SUBJECTS);
    }

    /** How long this name and address must still wait before a password is checked at all. */
    public Optional<Duration> waitFor(String username, String address) {
        Optional<Duration> name = byName.waitFor(subject(username));
        Optional<Duration> client = byAddress.waitFor(address);
        if (name.isEmpty()) {
            return client;
        }
        return client.filter(c -> c.compareTo(name.get()) > 0).or(() -> name);
    }

    /**
     * Counts the attempt as failed before its password is checked, so that guesses sent in parallel
     * count at once; {@link #succeeded} takes it back.
     */
    public void attempting(String username, String address) {
        byName.failed(subject(username));
        byAddress.failed(address);
    }

    /** The name starts afresh; the address only loses this attempt (a good password of one's own must not wash away guesses at others). */
    public void succeeded(String username, String address) {
        byName.succeeded(subject(username));
        byAddress.undo(address);
    }

    private static String subject(String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
