package org.corpconnect.busytime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshSlotTest {

    /** No users named: the whole account. */
    private static final Optional<Set<Long>> WHOLE = Optional.empty();

    @Test
    void aFreeSlotIsClaimedOnceAndATimerWhileItRunsSkips() {
        RefreshSlot slot = new RefreshSlot();

        assertTrue(slot.claimIfFree().isPresent());
        assertTrue(slot.isRunning());
        assertTrue(slot.claimIfFree().isEmpty(), "a second refresh never starts beside the running one");
        assertTrue(slot.finished().isEmpty(), "nothing was queued");
        assertFalse(slot.isRunning());
    }

    @Test
    void refreshNowDuringARefreshRunsOnceRightAfterIt() {
        RefreshSlot slot = new RefreshSlot();
        RefreshSlot.Claim first = slot.claimOrQueue(WHOLE);

        RefreshSlot.Claim second = slot.claimOrQueue(WHOLE);
        RefreshSlot.Claim third = slot.claimOrQueue(Optional.of(Set.of(7L)));

        assertTrue(first.startNow());
        assertFalse(second.startNow() || third.startNow(), "nobody starts a second one beside it");
        assertSame(second.future(), third.future(), "askers meanwhile share the one refresh after it");
        RefreshSlot.Queued queued = slot.finished().orElseThrow();
        assertSame(second.future(), queued.future(), "which runs when the first one ends");
        assertEquals(WHOLE, queued.onlyUsers(), "of the whole account, as one of them asked");
        assertTrue(slot.isRunning());
        assertTrue(slot.finished().isEmpty());
        assertTrue(slot.claimOrQueue(WHOLE).startNow(), "free again");
    }

    @Test
    void usersAskedForDuringARefreshAreReadTogetherRightAfterItNotTheWholeAccount() {
        RefreshSlot slot = new RefreshSlot();
        assertTrue(slot.claimOrQueue(WHOLE).startNow());

        RefreshSlot.Claim anna = slot.claimOrQueue(Optional.of(Set.of(1L)));
        RefreshSlot.Claim lukas = slot.claimOrQueue(Optional.of(Set.of(2L)));
        RefreshSlot.Claim annaAgain = slot.claimOrQueue(Optional.of(Set.of(1L)));

        assertSame(anna.future(), lukas.future());
        assertSame(anna.future(), annaAgain.future());
        assertEquals(Optional.of(Set.of(1L, 2L)), slot.finished().orElseThrow().onlyUsers());

        RefreshSlot.Claim david = slot.claimOrQueue(Optional.of(Set.of(3L)));
        slot.claimOrQueue(WHOLE);
        assertFalse(david.startNow());
        assertEquals(WHOLE, slot.finished().orElseThrow().onlyUsers(), "a whole refresh asked for meanwhile covers David");
    }
}
