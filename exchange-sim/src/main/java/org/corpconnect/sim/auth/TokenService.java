package org.corpconnect.sim.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.corpconnect.sim.directory.Directory;

/**
 * Issues and checks the app-only access tokens for Exchange (EWS, {@code full_access_as_app}) that the
 * simulated Entra ID hands out ({@link org.corpconnect.sim.entra}). Tokens are opaque random strings
 * (a real one is a JWT, but EWS clients never read it), valid one hour.
 */
public final class TokenService {
    public static final Duration LIFETIME = Duration.ofHours(1);

    private final Directory directory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    public TokenService(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** A token for the client, if its id and secret match a registered application of the tenant. */
    public Optional<String> issue(String clientId, String clientSecret, String tenant) {
        if (clientId == null || clientSecret == null) {
            return Optional.empty();
        }
        return directory.application(clientId)
                .filter(app -> app.clientSecret().equals(clientSecret))
                .filter(app -> tenant == null || tenant.equalsIgnoreCase(app.tenantId()) || "organizations".equals(tenant))
                .map(this::issueFor);
    }

    /** A token for an application whose client the caller (the simulated Entra ID) has authenticated. */
    public String issueFor(Directory.Application app) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(token, new Issued(app.clientId(), clock.instant().plus(LIFETIME)));
        return token;
    }

    public Optional<Directory.Application> verify(String token) {
        Issued i = issued.get(token);
        if (i == null || !clock.instant().isBefore(i.expires)) {
            return Optional.empty();
        }
        return directory.application(i.clientId);
    }

    public void revokeAll() {
        issued.clear();
    }

    private record Issued(String clientId, Instant expires) {
    }
}
