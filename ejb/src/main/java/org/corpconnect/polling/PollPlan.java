package org.corpconnect.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is polled when. A user is due an interval after their busy time was last read, by a poll or by
 * anything else (the timer refresh, a "refresh now"): the short interval while they have a booking in
 * the next days, the long one otherwise. A booking made since the last poll makes a user due at the
 * short interval at once, without waiting out the long one.
 */
public record PollPlan(Duration bookedEvery, Duration every) {

    /** A polled user: when the last poll was claimed, and when the busy time was last read at all. */
    public record PolledUser(long userId, Instant polledAt, Optional<Instant> refreshedAt) {
    }

    public PollPlan {
        if (bookedEvery.isNegative() || bookedEvery.isZero() || every.compareTo(bookedEvery) < 0) {
            throw new IllegalArgumentException("Poll intervals must be positive, the booked users' no longer than the others' ("
                    + bookedEvery + ", " + every + ").");
        }
    }

    public Duration intervalOf(boolean booked) {
        return booked ? bookedEvery : every;
    }

    public Instant dueAt(PolledUser user, boolean booked) {
        Instant lastRead = user.refreshedAt().filter(at -> at.isAfter(user.polledAt())).orElse(user.polledAt());
        return lastRead.plus(intervalOf(booked));
    }

    /** The users due at {@code now}, in the order of their ids (the order their claims lock rows in). */
    public List<PolledUser> due(Collection<PolledUser> users, Set<Long> booked, Instant now) {
        return users.stream().filter(u -> !dueAt(u, booked.contains(u.userId())).isAfter(now))
                .sorted(Comparator.comparingLong(PolledUser::userId)).toList();
    }

    /** How often the pass looks for due users: a due one waits at most a quarter of the short interval (1 to 30 s). */
    public Duration checkPeriod() {
        Duration quarter = bookedEvery.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : quarter.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : quarter;
    }
}
