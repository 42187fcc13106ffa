package org.corpconnect.busytime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.corpconnect.calendar.MailboxAddress;
import org.junit.jupiter.api.Test;

class SyncPlanTest {

    private static final Instant NOW = Instant.parse("2026-03-25T17:42:00Z");

    @Test
    void twoHundredFiftyUsersOverEightWeeksTakeThreeGroupsTimesTwoWindows() {
        SyncPlan plan = SyncPlan.of(users(250), NOW, 56);

        assertEquals(6, plan.requests().size());
        assertEquals(Instant.parse("2026-03-25T00:00:00Z"), plan.horizon().start());
        assertEquals(Instant.parse("2026-05-20T00:00:00Z"), plan.horizon().end());
        assertTrue(plan.requests().stream().allMatch(r -> r.mailboxes().size() <= 100));
        assertTrue(plan.requests().stream().allMatch(r -> r.window().length().compareTo(Duration.ofDays(42)) <= 0));
    }

    @Test
    void everyUserIsAskedForTheWholeHorizonExactlyOnce() {
        SyncPlan plan = SyncPlan.of(users(205), NOW, 100);

        for (MailboxAddress user : users(205)) {
            var windows = plan.requests().stream().filter(r -> r.mailboxes().contains(user)).map(SyncPlan.Request::window).toList();
            assertEquals(plan.horizon().start(), windows.get(0).start());
            assertEquals(plan.horizon().end(), windows.get(windows.size() - 1).end());
            for (int i = 1; i < windows.size(); i++) {
                assertEquals(windows.get(i - 1).end(), windows.get(i).start(), "windows are contiguous");
            }
        }
        assertEquals(205, new HashSet<>(plan.requests().stream().flatMap(r -> r.mailboxes().stream()).toList()).size());
    }

    @Test
    void aHorizonOfFortyTwoDaysIsOneWindow() {
        assertEquals(1, SyncPlan.of(users(1), NOW, 42).requests().size());
        assertEquals(2, SyncPlan.of(users(1), NOW, 43).requests().size());
    }

    @Test
    void noUsersNoRequests() {
        assertTrue(SyncPlan.of(List.of(), NOW, 56).requests().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> SyncPlan.of(users(1), NOW, 0));
    }

    private static List<MailboxAddress> users(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new MailboxAddress("user" + i + "@contoso.test")).toList();
    }
}
