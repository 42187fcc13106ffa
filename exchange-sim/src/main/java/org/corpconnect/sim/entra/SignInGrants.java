package org.corpconnect.sim.entra;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.corpconnect.sim.directory.MailboxAddress;

/**
 * What a user's sign-in leaves behind for an app: one-time authorization codes (10 minutes, as Entra)
 * and refresh tokens, which rotate: redeeming one removes it, atomically, so a second use of the same
 * token fails even when two requests race. A refresh token lives 90 days from its last use, and never
 * past a revocation of the user's sessions ({@link EntraDirectory#revokeSessions}).
 */
public final class SignInGrants {
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    public static final Duration REFRESH_INACTIVITY = Duration.ofDays(90);

    /** A sign-in's grant: which app, which user, which Graph scopes, since when. */
    public record Grant(String clientId, String tenantId, MailboxAddress user, Set<String> scopes, boolean openid,
                        boolean offlineAccess, Instant signedInAt) {
        public Grant {
            scopes = Set.copyOf(scopes);
        }
    }

    /** A code and what its redemption must match: the redirect URI and the PKCE challenge. */
    public record Code(Grant grant, String redirectUri, String codeChallenge, String codeChallengeMethod, String nonce,
                       Instant expires) {
    }

    private record Refresh(Grant grant, Instant lastUsed) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Instant> redeemedCodes = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();

    public SignInGrants(Clock clock) {
        this.clock = clock;
    }

    public String issueCode(Grant grant, String redirectUri, String challenge, String method, String nonce) {
        String code = newSecret();
        codes.put(code, new Code(grant, redirectUri, challenge, method, nonce, clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** The code, once; a second redemption, an unknown or an expired code is an Entra error. */
    public Code redeemCode(String code) {
        if (code == null || code.isBlank()) {
            throw EntraError.invalidRequest(900144, "The request body must contain the following parameter: 'code'.");
        }
        Code c = codes.remove(code);
        Instant now = clock.instant();
        redeemedCodes.values().removeIf(expiry -> expiry.isBefore(now));
        if (c == null) {
            if (redeemedCodes.containsKey(code)) {
                throw EntraError.invalidGrant(54005, "OAuth2 Authorization code was already redeemed, please retry with"
                        + " a new valid code or use an existing refresh token.");
            }
            throw EntraError.invalidGrant(9002313, "Invalid request. Request is malformed or invalid.");
        }
        redeemedCodes.put(code, c.expires());
        if (!now.isBefore(c.expires())) {
            throw EntraError.invalidGrant(70008, "The provided authorization code or refresh token has expired due to"
                    + " inactivity. Send a new interactive authorization request for this user and resource.");
        }
        return c;
    }

    public String issueRefreshToken(Grant grant) {
        String token = newSecret();
        refreshTokens.put(token, new Refresh(grant, clock.instant()));
        return token;
    }

    /**
     * Takes the token out (it can never be used again) if it is one of ours, unexpired, and was issued to
     * this client in this tenant; another client's attempt leaves it in place.
     */
    public Optional<Grant> redeemRefreshToken(String token, String clientId, String tenantId) {
        Refresh r = token == null ? null : refreshTokens.get(token);
        if (r == null || !r.grant().clientId().equals(clientId) || !r.grant().tenantId().equals(tenantId)
                || !refreshTokens.remove(token, r)) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(r.lastUsed().plus(REFRESH_INACTIVITY))) {
            throw EntraError.invalidGrant(700082, "The refresh token has expired due to inactivity. The token was issued on "
                    + r.lastUsed() + " and was inactive for " + REFRESH_INACTIVITY.toDays() + " days.");
        }
        return Optional.of(r.grant());
    }

    public void clear() {
        codes.clear();
        redeemedCodes.clear();
        refreshTokens.clear();
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
