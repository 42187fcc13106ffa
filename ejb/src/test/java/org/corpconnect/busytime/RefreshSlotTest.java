package org.corpconnect.busytime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RefreshSlotTest {

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
        RefreshSlot.Claim first = slot.claimOrQueue();

        RefreshSlot.Claim second = slot.claimOrQueue();
        RefreshSlot.Claim third = slot.claimOrQueue();

        assertTrue(first.startNow());
        assertFalse(second.startNow() || third.startNow(), "nobody starts a second one beside it");
        assertSame(second.future(), third.future(), "askers meanwhile share the one refresh after it");
        assertSame(second.future(), slot.finished().orElseThrow(), "which runs when the first one ends");
        assertTrue(slot.isRunning());
        assertTrue(slot.finished().isEmpty());
        assertTrue(slot.claimOrQueue().startNow(), "free again");
    }
}
