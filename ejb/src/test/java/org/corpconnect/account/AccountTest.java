package org.corpconnect.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.corpconnect.calendar.BusyType;
import org.junit.jupiter.api.Test;

class AccountTest {

    private final Account account = new Account(new AccountSlug("fabrikam"), "Fabrikam", Instant.EPOCH);

    @Test
    void busyOutOfOfficeAndTentativeBlockByDefault() {
        assertEquals(EnumSet.of(BusyType.BUSY, BusyType.OOF, BusyType.TENTATIVE), account.blockingBusyTypes());
    }

    @Test
    void theBlockingTypesAreASettingOfTheAccount() {
        account.blockOn(Set.of(BusyType.BUSY, BusyType.OOF, BusyType.WORKING_ELSEWHERE));

        assertEquals(EnumSet.of(BusyType.BUSY, BusyType.OOF, BusyType.WORKING_ELSEWHERE), account.blockingBusyTypes());
        assertThrows(InvalidAccount.class, () -> account.blockOn(Set.of(BusyType.FREE)));
    }

    @Test
    void keysAreShortLowerCaseWords() {
        assertThrows(InvalidAccount.class, () -> new AccountSlug("Fabrikam Ltd"));
        assertThrows(InvalidAccount.class, () -> new AccountSlug("-x"));
        assertEquals("fabrikam-2", new AccountSlug("fabrikam-2").value());
    }
}
