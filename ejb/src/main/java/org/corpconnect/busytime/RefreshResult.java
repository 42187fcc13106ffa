package org.corpconnect.busytime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How one refresh of an account went: for the sync page, the logs and the tests. */
public record RefreshResult(long accountId, Instant startedAt, Duration took, int requestsSent,
                           int usersRefreshed, int usersFailed, int accessChecks, Optional<String> stoppedBecause) {

    static RefreshResult skipped(long accountId, Instant at, String reason) {
        return new RefreshResult(accountId, at, Duration.ZERO, 0, 0, 0, 0, Optional.of(reason));
    }

    public boolean completed() {
        return stoppedBecause.isEmpty();
    }
}
