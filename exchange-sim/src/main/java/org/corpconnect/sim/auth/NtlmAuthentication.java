package org.corpconnect.sim.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NTLM over HTTP as IIS runs it for EWS with Windows Authentication (providers Negotiate and NTLM):
 * the client sends NEGOTIATE, gets 401 with a CHALLENGE, sends AUTHENTICATE on the same connection,
 * and from then on that connection is authenticated; later requests on it carry no Authorization
 * header (MS-NTHT). Only NTLMv2 responses are accepted, as on a server with LmCompatibilityLevel 5;
 * an NTLMv1 response is a wrong password. Raw NTLM tokens are accepted under "Negotiate" too, as the
 * Negotiate package falls back to NTLM; Kerberos (SPNEGO) tokens are not understood.
 *
 * <p>A connection is known by its remote address and port, the identity JDK HttpServer exposes. An
 * entry lives while the connection is used and is forgotten after {@link #IDLE} without requests.
 */
final class NtlmAuthentication {
    static final Duration IDLE = Duration.ofMinutes(10);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ConnectionState> connections = new ConcurrentHashMap<>();

    NtlmAuthentication(Clock clock) {
        this.clock = clock;
    }

    /** Checks a credential proof for a user name; the Authenticator resolves the account and counts failures. */
    interface CredentialCheck {
        Authenticator.Result check(String user, String domain, Predicate<String> passwordProof);
    }

    private sealed interface ConnectionState permits Challenged, Established {
        Instant lastUsed();
    }

    private record Challenged(byte[] serverChallenge, Instant lastUsed) implements ConnectionState {
    }

    private record Established(Authenticator.Result result, Instant lastUsed) implements ConnectionState {
    }

    /** The scheme and token of an "NTLM ..." or "Negotiate ..." Authorization header carrying an NTLM message. */
    static Optional<byte[]> token(String authorization) {
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2 || !(parts[0].equalsIgnoreCase("NTLM") || parts[0].equalsIgnoreCase("Negotiate"))) {
            return Optional.empty();
        }
        try {
            byte[] token = Base64.getDecoder().decode(parts[1]);
            return NtlmMessages.type(token).isPresent() ? Optional.of(token) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String scheme(String authorization) {
        return authorization.trim().regionMatches(true, 0, "Negotiate", 0, 9) ? "Negotiate" : "NTLM";
    }

    /** The principal of a connection that completed the handshake, for a request without credentials. */
    Optional<Authenticator.Result> established(String connection) {
        expireIdle();
        ConnectionState state = connections.get(connection);
        if (state instanceof Established e) {
            connections.put(connection, new Established(e.result(), clock.instant()));
            return Optional.of(e.result());
        }
        return Optional.empty();
    }

    /**
     * One step of the handshake. NEGOTIATE gets a CHALLENGE (the 401's WWW-Authenticate value);
     * AUTHENTICATE is verified against the challenge this connection was given.
     */
    Authenticator.Result step(String connection, String scheme, byte[] token, String netbiosDomain, String dnsDomain,
                              CredentialCheck credentials) {
        expireIdle();
        int type = NtlmMessages.type(token).orElse(0);
        if (type == 1) {
            byte[] serverChallenge = new byte[8];
            random.nextBytes(serverChallenge);
            connections.put(connection, new Challenged(serverChallenge, clock.instant()));
            byte[] challenge = NtlmMessages.challenge(serverChallenge, netbiosDomain, dnsDomain, "EXCHANGE", clock.instant());
            return Authenticator.Result.challenge(scheme + " " + Base64.getEncoder().encodeToString(challenge));
        }
        ConnectionState state = connections.remove(connection);
        Optional<NtlmMessages.Authenticate> message = type == 3 ? NtlmMessages.parseAuthenticate(token) : Optional.empty();
        if (!(state instanceof Challenged challenged) || message.isEmpty() || message.get().user().isEmpty()) {
            return Authenticator.Result.noCredentials(); // out of order, anonymous or unreadable: start again
        }
        NtlmMessages.Authenticate auth = message.get();
        Authenticator.Result result = credentials.check(auth.user(), auth.domain(),
                password -> ntlmV2Matches(password, auth, challenged.serverChallenge()));
        if (result.succeeded()) {
            connections.put(connection, new Established(result, clock.instant()));
        }
        return result;
    }

    /**
     * MS-NLMP 3.3.2: NTOWFv2 = HMAC_MD5(MD4(UNICODE(password)), UNICODE(UPPER(user) + domain));
     * NTProofStr = HMAC_MD5(NTOWFv2, serverChallenge + blob), the first 16 bytes of the NT response.
     */
    static boolean ntlmV2Matches(String password, NtlmMessages.Authenticate auth, byte[] serverChallenge) {
        byte[] response = auth.ntResponse();
        if (response.length <= 24) {
            return false; // NTLMv1 or LM: refused
        }
        byte[] ntHash = Md4.digest(password.getBytes(StandardCharsets.UTF_16LE));
        byte[] key = hmacMd5(ntHash, NtlmMessages.unicode(auth.user().toUpperCase(Locale.ROOT) + auth.domain()));
        byte[] blob = Arrays.copyOfRange(response, 16, response.length);
        byte[] challengeAndBlob = new byte[8 + blob.length];
        System.arraycopy(serverChallenge, 0, challengeAndBlob, 0, 8);
        System.arraycopy(blob, 0, challengeAndBlob, 8, blob.length);
        return MessageDigest.isEqual(hmacMd5(key, challengeAndBlob), Arrays.copyOf(response, 16));
    }

    static byte[] hmacMd5(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is part of every JDK", e);
        }
    }

    /** Forgets every connection, e.g. when passwords or the data set change. */
    void reset() {
        connections.clear();
    }

    private void expireIdle() {
        Instant limit = clock.instant().minus(IDLE);
        connections.values().removeIf(s -> s.lastUsed().isBefore(limit));
    }
}
