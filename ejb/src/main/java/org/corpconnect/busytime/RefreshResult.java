package org.corpconnect.busytime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How one refresh of an account went: for the sync page, the logs and the tests. A refresh that
 * stopped for Exchange's back-off says when and for whom it resumes.
 */
public record RefreshResult(long accountId, Instant startedAt, Duration took, int requestsSent,
                           int usersRefreshed, int usersFailed, int accessChecks, Optional<String> stoppedBecause,
                           Optional<ResumeRefresh> resume) {

    static RefreshResult skipped(long accountId, Instant at, String reason) {
        return new RefreshResult(accountId, at, Duration.ZERO, 0, 0, 0, 0, Optional.of(reason), Optional.empty());
    }

    public boolean completed() {
        return stoppedBecause.isEmpty();
    }
}
