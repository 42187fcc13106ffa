package org.corpconnect.sim.entra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.corpconnect.sim.entra.AccessTokens.ClientProof;

/**
 * How a client proves it is the app at the token endpoint: a client secret (form or HTTP Basic), or a
 * client assertion (RFC 7523: a JWT the app signs with the private key of a certificate registered on it,
 * {@code iss} = {@code sub} = client id, {@code aud} = the tenant's token endpoint), or nothing, for an
 * app that is also a public client. The assertion's signature is checked against each registered
 * certificate; the {@code x5t}/{@code x5t#S256} header only names one, and clients encode it differently.
 */
final class ClientAuthentication {
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256);

    record Client(AppRegistration app, ClientProof proof) {
    }

    private final EntraDirectory entra;
    private final Clock clock;

    ClientAuthentication(EntraDirectory entra, Clock clock) {
        this.entra = entra;
        this.clock = clock;
    }

    Client authenticate(Tenant tenant, Map<String, String> form, String authorization, boolean publicAllowed) {
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    clientId = java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                    secret = java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                throw EntraHttp.malformed();
            }
        }
        String assertion = form.get("client_assertion");
        if (clientId == null && assertion != null) {
            clientId = subjectOf(assertion);
        }
        if (clientId == null || clientId.isBlank()) {
            throw EntraError.invalidRequest(900144, "The request body must contain the following parameter: 'client_id'.");
        }
        String id = clientId;
        AppRegistration app = entra.application(tenant, id).orElseThrow(() -> EntraError.unauthorizedClient(700016,
                "Application with identifier '" + id + "' was not found in the directory '" + tenant.name() + "'."
                        + " This can happen if the application has not been installed by the administrator of the tenant"
                        + " or consented to by any user in the tenant. You may have sent your authentication request to the"
                        + " wrong tenant."));
        if (assertion != null) {
            if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
                throw EntraError.invalidRequest(7000219, "'client_assertion_type' must be '" + JWT_BEARER + "'.");
            }
            verifyAssertion(tenant, app, assertion);
            return new Client(app, ClientProof.CERTIFICATE);
        }
        if (secret != null) {
            byte[] given = secret.getBytes(StandardCharsets.UTF_8);
            if (app.secrets().stream().noneMatch(s -> MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8), given))) {
                throw EntraError.invalidClient(7000215, "Invalid client secret provided. Ensure the secret being sent in"
                        + " the request is the client secret value, not the client secret ID, for a secret added to app '"
                        + app.clientId() + "'.");
            }
            return new Client(app, ClientProof.SECRET);
        }
        if (publicAllowed && app.publicClient()) {
            return new Client(app, ClientProof.PUBLIC);
        }
        throw EntraError.invalidClient(7000218, "The request body must contain the following parameter:"
                + " 'client_assertion' or 'client_secret'.");
    }

    private static String subjectOf(String assertion) {
        try {
            return SignedJWT.parse(assertion).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            return null;
        }
    }

    private void verifyAssertion(Tenant tenant, AppRegistration app, String assertion) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw EntraError.invalidClient(50027, "JWT token is invalid or malformed.");
        }
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            throw EntraError.invalidClient(5002738, "Invalid JWT token. '" + jwt.getHeader().getAlgorithm()
                    + "' is not a supported signature algorithm.");
        }
        if (!app.clientId().equals(claims.getIssuer()) || !app.clientId().equals(claims.getSubject())) {
            throw EntraError.invalidClient(700021, "Client assertion application identifier doesn't match"
                    + " 'client_id' parameter.");
        }
        boolean audienceOk = claims.getAudience().stream().anyMatch(aud -> isTokenEndpointOf(tenant, aud));
        if (!audienceOk) {
            throw EntraError.invalidClient(700212, "No matching federated identity record found for presented"
                    + " assertion audience '" + String.join(",", claims.getAudience()) + "'.");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null || !now.minus(CLOCK_SKEW).isBefore(claims.getExpirationTime().toInstant())
                || (claims.getNotBeforeTime() != null && now.plus(CLOCK_SKEW).isBefore(claims.getNotBeforeTime().toInstant()))) {
            throw EntraError.invalidClient(700024, "Client assertion is not within its valid time range.");
        }
        for (X509Certificate certificate : app.certificates()) {
            try {
                if (certificate.getPublicKey() instanceof RSAPublicKey key && jwt.verify(new RSASSAVerifier(key))) {
                    return;
                }
            } catch (JOSEException e) {
                // a key that cannot verify this signature is simply not the one
            }
        }
        throw EntraError.invalidClient(700027, "The certificate with identifier used to sign the client assertion is"
                + " not registered on application. [Reason - The key was not found., Please visit the Azure Portal,"
                + " Graph Explorer or directly use MS Graph to see configured keys for app Id '" + app.clientId() + "'.]");
    }

    /** {@code https://host/{tenant}/oauth2/v2.0/token} (or v1's {@code /oauth2/token}) for this tenant, any host. */
    private static boolean isTokenEndpointOf(Tenant tenant, String audience) {
        try {
            java.net.URI uri = java.net.URI.create(audience);
            String[] segments = uri.getPath() == null ? new String[0] : uri.getPath().split("/");
            if (segments.length < 3 || !tenant.isNamedBy(segments[1])) {
                return false;
            }
            String rest = uri.getPath().substring(segments[1].length() + 1);
            return rest.equals("/oauth2/v2.0/token") || rest.equals("/oauth2/token") || rest.equals("/v2.0");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
