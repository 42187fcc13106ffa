package org.corpconnect.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.corpconnect.credentials.Secret;

/**
 * The signature of a webhook request, as README documents it for receivers:
 * {@code Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, the key being the
 * secret's text as UTF-8; one {@code v1} per valid secret (two during a rotation).
 */
public final class WebhookSignature {

    public static final String HEADER = "Webhook-Signature";
    public static final String ID_HEADER = "Webhook-Id";
    private static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new endpoint secret: 256 random bits, with a prefix that says what it is. */
    public static Secret newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Secret.of(SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The header's value for a body sent at {@code unixSeconds}, signed with each secret in turn. */
    public static String header(long unixSeconds, String body, List<Secret> secrets) {
        StringBuilder value = new StringBuilder("t=").append(unixSeconds);
        for (Secret secret : secrets) {
            value.append(",v1=").append(v1(secret, unixSeconds, body));
        }
        return value.toString();
    }

    static String v1(Secret secret, long unixSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
