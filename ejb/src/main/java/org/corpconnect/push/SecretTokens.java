package org.corpconnect.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret token of a watch: random, sent to Exchange once, which sends it back with every callback;
 * stored only as its SHA-256 (a random 256-bit token needs no slow hash), compared in constant time.
 */
final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {
    }

    /** 256 random bits, base64url: within Graph's 128 characters for clientState. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        return HexFormat.of().formatHex(digest(token));
    }

    static boolean matches(String token, String sha256) {
        return MessageDigest.isEqual(digest(token), HexFormat.of().parseHex(sha256));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
