package org.corpconnect.admin.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.corpconnect.admin.sync.Freshness.Band;
import org.corpconnect.admin.sync.Freshness.Segment;
import org.corpconnect.admin.sync.Freshness.UserState;
import org.junit.jupiter.api.Test;

class FreshnessTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(15);

    @Test
    void eachUserFallsIntoOneBand() {
        assertEquals(Band.FRESH, Freshness.bandOf(read(15, true), NOW, INTERVAL));
        assertEquals(Band.LATE, Freshness.bandOf(read(16, true), NOW, INTERVAL));
        assertEquals(Band.NOT_OFFERED, Freshness.bandOf(read(1, false), NOW, INTERVAL));
        assertEquals(Band.NEVER, Freshness.bandOf(new UserState(Optional.empty(), false), NOW, INTERVAL));
    }

    @Test
    void theBarIsSplitByTheCountsOfTheBands() {
        Freshness freshness = Freshness.of(List.of(read(1, true), read(2, true), read(30, true),
                new UserState(Optional.empty(), false)).stream().map(user -> Freshness.bandOf(user, NOW, INTERVAL)).toList());
        assertEquals(4, freshness.total());
        assertEquals(2, freshness.count(Band.FRESH));
        assertEquals(0, freshness.count(Band.NOT_OFFERED));
        assertEquals(List.of(new Segment(Band.FRESH, 2, 0, 500), new Segment(Band.LATE, 1, 500, 250),
                new Segment(Band.NEVER, 1, 750, 250)), freshness.segments());
    }

    @Test
    void noUsersNoSegments() {
        assertEquals(List.of(), Freshness.of(List.of()).segments());
    }

    private static UserState read(int minutesAgo, boolean readable) {
        return new UserState(Optional.of(NOW.minus(Duration.ofMinutes(minutesAgo))), readable);
    }
}
