package org.corpconnect.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code first} after the first failure, doubling after each
 * further one up to {@code longest}, and never after {@code giveUpAfter} from the event's creation.
 */
public record RetrySchedule(Duration first, Duration longest, Duration giveUpAfter) {

    /**
     * @param attemptsMade how many attempts failed so far (at least 1)
     * @return the next attempt's time, or empty: the delivery has failed for good
     */
    public Optional<Instant> nextAttempt(Instant eventCreated, int attemptsMade, Instant now) {
        Duration delay = first;
        for (int i = 1; i < attemptsMade && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        if (delay.compareTo(longest) > 0) {
            delay = longest;
        }
        Instant next = now.plus(delay);
        return next.isAfter(eventCreated.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }
}
