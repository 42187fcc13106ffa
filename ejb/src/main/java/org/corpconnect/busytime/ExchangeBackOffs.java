package org.corpconnect.busytime;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When Exchange asked each account to come back (ErrorServerBusy's BackOffMilliseconds, HTTP 503,
 * a network failure), for the credential generation that was told so: no refresh of that
 * generation sends anything earlier. A new credential starts afresh. Kept in memory only: after a
 * restart the next refresh simply asks again.
 */
@ApplicationScoped
public class ExchangeBackOffs {

    private record BackOff(long generation, Instant until, int inARow) {
    }

    private final Map<Long, BackOff> backOffs = new ConcurrentHashMap<>();

    /** Until when the account's credential generation has to wait; empty when it may go on now. */
    public Optional<Instant> pendingUntil(long accountId, long generation, Instant now) {
        return Optional.ofNullable(backOffs.get(accountId))
                .filter(b -> b.generation() == generation && b.until().isAfter(now))
                .map(BackOff::until);
    }

    /** Back-offs of this generation in a row, before the next one is recorded (0 after a good refresh). */
    int inARow(long accountId, long generation) {
        BackOff current = backOffs.get(accountId);
        return current == null || current.generation() != generation ? 0 : current.inARow();
    }

    /** Records a back-off; the number it is in a row. */
    int record(long accountId, long generation, Instant until) {
        return backOffs.merge(accountId, new BackOff(generation, until, 1), (old, fresh) -> old.generation() == generation
                ? new BackOff(generation, until, old.inARow() + 1) : fresh).inARow();
    }

    /** A refresh went through: the next back-off is the first in a row again. */
    void clear(long accountId, long generation) {
        backOffs.computeIfPresent(accountId, (id, b) -> b.generation() <= generation ? null : b);
    }
}
