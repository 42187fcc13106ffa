package org.corpconnect.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    @Test
    void aGeneratedKeyParsesBackAndMatchesOnlyItsOwnHash() {
        ApiKeyFormat.Parts parts = ApiKeyFormat.generate();

        ApiKeyFormat.Parts parsed = ApiKeyFormat.parse(parts.token()).orElseThrow();

        assertEquals(parts, parsed);
        assertTrue(ApiKeyFormat.matches(parsed.secret(), ApiKeyFormat.hash(parts.secret())));
        assertFalse(ApiKeyFormat.matches(ApiKeyFormat.generate().secret(), ApiKeyFormat.hash(parts.secret())));
    }

    @Test
    void twoKeysNeverShareAPrefixOrSecret() {
        ApiKeyFormat.Parts a = ApiKeyFormat.generate();
        ApiKeyFormat.Parts b = ApiKeyFormat.generate();

        assertNotEquals(a.prefix(), b.prefix());
        assertNotEquals(a.secret(), b.secret());
        assertEquals(64, ApiKeyFormat.hash(a.secret()).length());
    }

    @Test
    void anythingElseIsNotAKey() {
        assertTrue(ApiKeyFormat.parse(null).isEmpty());
        assertTrue(ApiKeyFormat.parse("").isEmpty());
        assertTrue(ApiKeyFormat.parse("cck_short_x").isEmpty());
        assertTrue(ApiKeyFormat.parse("Bearer cck_ABCDEFGHJKLM_" + "a".repeat(43)).isEmpty());
        assertTrue(ApiKeyFormat.parse("cck_ABCDEFGHJKLM_" + "a".repeat(43) + "\n;drop").isEmpty());
    }
}
