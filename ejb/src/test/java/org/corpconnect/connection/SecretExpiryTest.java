package org.corpconnect.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretExpiryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void aSecretIsWarnedAboutFromTheWarningDaysBeforeItEndsAndAfter() {
        assertEquals(Optional.empty(), SecretExpiry.due(false, Optional.of(TODAY.plusDays(31)), TODAY, 30));
        assertEquals(30, SecretExpiry.due(false, Optional.of(TODAY.plusDays(30)), TODAY, 30).orElseThrow().daysLeft());
        assertEquals(0, SecretExpiry.due(false, Optional.of(TODAY), TODAY, 30).orElseThrow().daysLeft());
        SecretExpiry ended = SecretExpiry.due(true, Optional.of(TODAY.minusDays(2)), TODAY, 30).orElseThrow();
        assertTrue(ended.expired());
        assertEquals(Optional.empty(), SecretExpiry.due(false, Optional.empty(), TODAY, 30), "no date, no warning");
        assertEquals(Optional.empty(), SecretExpiry.due(false, Optional.of(TODAY.plusDays(1)), TODAY, 0));
    }

    @Test
    void theMessageSaysWhatEndsWhenAndWhatToDo() {
        String secret = SecretExpiry.due(false, Optional.of(TODAY.plusDays(14)), TODAY, 30).orElseThrow().message();
        assertTrue(secret.contains("client secret expires on 2026-12-20, in 14 days") && secret.contains("Entra ID"), secret);
        String certificate = SecretExpiry.due(true, Optional.of(TODAY.plusDays(1)), TODAY, 30).orElseThrow().message();
        assertTrue(certificate.contains("certificate expires on 2026-12-07, in 1 day"), certificate);
        String ended = SecretExpiry.due(true, Optional.of(TODAY.minusDays(1)), TODAY, 30).orElseThrow().message();
        assertTrue(ended.contains("expired on 2026-12-05") && ended.contains("refuses the app"), ended);
    }
}
