package org.corpconnect.polling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.polling.PollPlan.PolledUser;
import org.junit.jupiter.api.Test;

class PollPlanTest {

    private static final Instant T = Instant.parse("2026-12-07T09:00:00Z");
    private final PollPlan plan = new PollPlan(Duration.ofMinutes(2), Duration.ofMinutes(10));

    @Test
    void aUserWithABookingIsDueAtTheShortIntervalTheOthersAtTheLongOne() {
        PolledUser booked = new PolledUser(1, T, Optional.empty());
        PolledUser free = new PolledUser(2, T, Optional.empty());
        List<PolledUser> both = List.of(booked, free);

        assertEquals(List.of(), plan.due(both, Set.of(1L), T.plusSeconds(119)));
        assertEquals(List.of(booked), plan.due(both, Set.of(1L), T.plusSeconds(120)));
        assertEquals(List.of(booked), plan.due(both, Set.of(1L), T.plusSeconds(599)));
        assertEquals(List.of(booked, free), plan.due(both, Set.of(1L), T.plusSeconds(600)));
    }

    @Test
    void aBookingMadeSinceTheLastPollMakesTheUserDueAtTheShortIntervalAtOnce() {
        PolledUser polledFiveMinutesAgo = new PolledUser(3, T, Optional.empty());

        assertEquals(List.of(), plan.due(List.of(polledFiveMinutesAgo), Set.of(), T.plusSeconds(300)));
        assertEquals(List.of(polledFiveMinutesAgo), plan.due(List.of(polledFiveMinutesAgo), Set.of(3L), T.plusSeconds(300)));
    }

    @Test
    void busyTimeReadByAnyOtherMeansSinceThePollPutsTheNextPollOff() {
        PolledUser refreshedByTheTimer = new PolledUser(4, T, Optional.of(T.plusSeconds(90)));
        PolledUser readLongBefore = new PolledUser(5, T, Optional.of(T.minusSeconds(3600)));

        assertEquals(T.plusSeconds(210), plan.dueAt(refreshedByTheTimer, true));
        assertEquals(T.plusSeconds(120), plan.dueAt(readLongBefore, true), "an older read changes nothing");
        assertEquals(List.of(readLongBefore), plan.due(List.of(refreshedByTheTimer, readLongBefore), Set.of(4L, 5L),
                T.plusSeconds(150)));
    }

    @Test
    void dueUsersComeInTheOrderOfTheirIdsSoThatClaimsLockRowsInOneOrder() {
        List<PolledUser> users = List.of(new PolledUser(9, T, Optional.empty()), new PolledUser(2, T, Optional.empty()),
                new PolledUser(5, T, Optional.empty()));

        assertEquals(List.of(2L, 5L, 9L), plan.due(users, Set.of(), T.plusSeconds(600)).stream().map(PolledUser::userId).toList());
    }

    @Test
    void thePassLooksAQuarterOfTheShortIntervalApartWithinOneAndThirtySeconds() {
        assertEquals(Duration.ofSeconds(30), plan.checkPeriod());
        assertEquals(Duration.ofSeconds(15), new PollPlan(Duration.ofSeconds(60), Duration.ofSeconds(300)).checkPeriod());
        assertEquals(Duration.ofSeconds(1), new PollPlan(Duration.ofSeconds(2), Duration.ofSeconds(10)).checkPeriod());
    }

    @Test
    void intervalsMustBePositiveAndTheBookedUsersNoLongerThanTheOthers() {
        assertThrows(IllegalArgumentException.class, () -> new PollPlan(Duration.ZERO, Duration.ofMinutes(10)));
        assertThrows(IllegalArgumentException.class, () -> new PollPlan(Duration.ofMinutes(10), Duration.ofMinutes(2)));
    }
}
