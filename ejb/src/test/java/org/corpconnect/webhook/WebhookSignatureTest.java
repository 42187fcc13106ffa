package org.corpconnect.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.corpconnect.credentials.Secret;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String BODY = "{\"id\":\"0b6c\",\"type\":\"booking.created\",\"data\":{\"title\":\"Jürgen's call\"}}";

    @Test
    void theHeaderVerifiesWithTheRecipeReadmeGivesReceivers() throws Exception {
        Secret secret = Secret.of("whsec_test-secret");

        String header = WebhookSignature.header(1_765_000_000L, BODY, List.of(secret));

        // README's recipe, written out independently: HMAC-SHA256, key = the secret's UTF-8 text, over "t.body".
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec_test-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(("1765000000." + BODY).getBytes(StandardCharsets.UTF_8)));
        assertEquals("t=1765000000,v1=" + expected, header);
    }

    @Test
    void duringARotationBothSecretsSignTheCurrentFirst() {
        Secret current = Secret.of("whsec_new");
        Secret previous = Secret.of("whsec_old");

        String header = WebhookSignature.header(42, BODY, List.of(current, previous));

        assertEquals("t=42,v1=" + WebhookSignature.v1(current, 42, BODY) + ",v1=" + WebhookSignature.v1(previous, 42, BODY), header);
        assertNotEquals(WebhookSignature.v1(current, 42, BODY), WebhookSignature.v1(previous, 42, BODY));
    }

    @Test
    void anotherTimestampOrBodyGivesAnotherSignature() {
        Secret secret = Secret.of("whsec_x");
        String signed = WebhookSignature.v1(secret, 100, BODY);

        assertNotEquals(signed, WebhookSignature.v1(secret, 101, BODY), "a replay with a new time does not verify");
        assertNotEquals(signed, WebhookSignature.v1(secret, 100, BODY + " "), "a changed body does not verify");
    }

    @Test
    void newSecretsAreRandomAndSayWhatTheyAre() {
        String one = WebhookSignature.newSecret().reveal();
        String two = WebhookSignature.newSecret().reveal();

        assertTrue(one.startsWith("whsec_") && one.length() == "whsec_".length() + 43, one);
        assertNotEquals(one, two);
    }
}
