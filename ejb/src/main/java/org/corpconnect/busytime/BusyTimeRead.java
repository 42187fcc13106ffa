package org.corpconnect.busytime;

import java.util.Set;

/**
 * A refresh has just read and stored these users' busy time (one group of at most 100): the moment their
 * calendars were looked at, by the timer or by a pushed change. Fired synchronously on the refresh's worker
 * that stored them, with no transaction open, so that features that follow a user's calendar look at it then
 * (side by side with the refresh's other workers), without this package knowing them.
 */
public record BusyTimeRead(long accountId, Set<Long> userIds) {

    public BusyTimeRead {
        userIds = Set.copyOf(userIds);
    }
}
