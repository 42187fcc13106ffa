package org.corpconnect.sim.entra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.graph.access.GraphCaller;
import org.corpconnect.sim.graph.access.GraphTokenVerifier;

/**
 * Signs and checks the JWTs of the simulated Entra ID with one RSA key (made on first use, published at
 * the jwks_uri). Access tokens for Graph have Graph's v1.0 token shape: {@code aud}
 * https://graph.microsoft.com, {@code iss} https://sts.windows.net/{tid}/, {@code appid},
 * {@code appidacr}, {@code idtyp}, {@code tid}, {@code oid}, and {@code roles} (app-only) or {@code scp},
 * {@code upn}, {@code unique_name}, {@code name} (delegated). As in Entra, an access token stays valid
 * until it expires even after its user's sessions are revoked; only refresh tokens die at once.
 */
public final class AccessTokens implements GraphTokenVerifier {
    public static final Duration LIFETIME = Duration.ofMinutes(75);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Clock clock;
    private volatile RSAKey key;

    public AccessTokens(Clock clock) {
        this.clock = clock;
    }

    /** How the client proved itself: {@code appidacr} 0 public, 1 secret, 2 certificate. */
    public enum ClientProof {
        PUBLIC("0"), SECRET("1"), CERTIFICATE("2");

        private final String appidacr;

        ClientProof(String appidacr) {
            this.appidacr = appidacr;
        }
    }

    private RSAKey key() {
        RSAKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    try {
                        key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                                .keyIDFromThumbprint(true).generate();
                    } catch (JOSEException e) {
                        throw new IllegalStateException("Cannot make the token signing key", e);
                    }
                }
                k = key;
            }
        }
        return k;
    }

    /** The public signing keys, as served at the jwks_uri. */
    public Map<String, Object> jwks() {
        return new JWKSet(key().toPublicJWK()).toJSONObject(true);
    }

    public String appOnly(Tenant tenant, AppRegistration app, Resource resource, String servicePrincipalId,
                          Set<String> roles, ClientProof proof) {
        JWTClaimsSet.Builder claims = common(tenant, app, resource, proof)
                .claim("idtyp", "app").claim("oid", servicePrincipalId).subject(servicePrincipalId);
        if (!roles.isEmpty()) {
            claims.claim("roles", List.copyOf(new LinkedHashSet<>(roles)));
        }
        return sign(claims.build(), "JWT");
    }

    public String delegated(Tenant tenant, AppRegistration app, Mailbox user, String userObjectId, Set<String> scopes,
                            ClientProof proof) {
        JWTClaimsSet claims = common(tenant, app, Resource.GRAPH, proof)
                .claim("idtyp", "user").claim("oid", userObjectId).subject(pairwiseSubject(userObjectId, app))
                .claim("scp", String.join(" ", scopes)).claim("upn", user.address().value())
                .claim("unique_name", user.address().value()).claim("name", user.displayName())
                .claim("amr", List.of("pwd")).build();
        return sign(claims, "JWT");
    }

    /** An OpenID Connect ID token (v2.0) for the app, about the signed-in user. */
    public String idToken(String issuer, Tenant tenant, AppRegistration app, Mailbox user, String userObjectId,
                          String nonce) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().audience(app.clientId()).issuer(issuer)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("name", user.displayName()).claim("oid", userObjectId)
                .claim("preferred_username", user.address().value()).subject(pairwiseSubject(userObjectId, app))
                .claim("tid", tenant.id()).claim("ver", "2.0");
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        return sign(claims.build(), "JWT");
    }

    private JWTClaimsSet.Builder common(Tenant tenant, AppRegistration app, Resource resource, ClientProof proof) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().audience(resource.uri()).issuer("https://sts.windows.net/" + tenant.id() + "/")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("app_displayname", app.displayName()).claim("appid", app.clientId())
                .claim("appidacr", proof.appidacr).claim("tid", tenant.id())
                .claim("uti", Base64.getUrlEncoder().withoutPadding().encodeToString(uuidBytes()))
                .claim("ver", "1.0");
    }

    private static String pairwiseSubject(String userObjectId, AppRegistration app) {
        // Entra's sub is per user and app; any stable value that differs between apps will do.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                UUID.nameUUIDFromBytes((userObjectId + "|" + app.clientId()).getBytes(StandardCharsets.UTF_8)).toString()
                        .getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] uuidBytes() {
        UUID u = UUID.randomUUID();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
        b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return b.array();
    }

    private String sign(JWTClaimsSet claims, String type) {
        try {
            RSAKey k = key();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType(type))
                    .keyID(k.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(k));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /**
     * A Graph access token of ours, unexpired, for Graph: who it signed in as. Anything else (another
     * audience, a changed claim, a foreign or expired token) is empty, so Graph answers 401.
     */
    @Override
    public Optional<GraphCaller> verify(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(bearerToken.trim());
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new RSASSAVerifier(key()))) {
                return Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (c.getExpirationTime() == null || !now.isBefore(c.getExpirationTime().toInstant())
                    || c.getNotBeforeTime() == null || now.plus(CLOCK_SKEW).isBefore(c.getNotBeforeTime().toInstant())) {
                return Optional.empty();
            }
            if (c.getAudience().stream().noneMatch(a -> Resource.of(a).filter(r -> r == Resource.GRAPH).isPresent())) {
                return Optional.empty();
            }
            String tid = c.getStringClaim("tid");
            String appId = c.getStringClaim("appid");
            if (tid == null || appId == null || !("https://sts.windows.net/" + tid + "/").equals(c.getIssuer())) {
                return Optional.empty();
            }
            String upn = c.getStringClaim("upn");
            Set<String> permissions = new LinkedHashSet<>();
            if (upn != null) {
                String scp = c.getStringClaim("scp");
                if (scp != null) {
                    permissions.addAll(Arrays.asList(scp.trim().split("\\s+")));
                }
            } else {
                List<String> roles = c.getStringListClaim("roles");
                if (roles != null) {
                    permissions.addAll(roles);
                }
            }
            permissions.remove("");
            return Optional.of(new GraphCaller(tid, appId, Optional.ofNullable(upn).map(MailboxAddress::of), permissions));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
