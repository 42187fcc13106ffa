package org.corpconnect.busytime;

import java.time.Instant;
import java.util.Set;

/**
 * A refresh that stopped for Exchange's back-off, to go on when it ends with the users it had not
 * read yet. Kept in memory only: after a restart the account's interval timer reads everyone anyway.
 */
public record ResumeRefresh(long accountId, Instant at, Set<Long> userIds) {

    public ResumeRefresh {
        userIds = Set.copyOf(userIds);
    }
}
