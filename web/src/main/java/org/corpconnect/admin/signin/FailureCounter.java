package org.corpconnect.admin.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins in a row per subject, in this server's memory: each update is atomic per subject,
 * and the map never holds more than {@code capacity} subjects (forgotten ones go first).
 */
final class FailureCounter {

    private record Failures(int count, Instant last, Instant notBefore) {
    }

    private final FailurePolicy policy;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Failures> bySubject = new ConcurrentHashMap<>();

    FailureCounter(FailurePolicy policy, Clock clock, int capacity) {
        this.policy = policy;
        this.clock = clock;
        this.capacity = capacity;
    }

    /** How long the subject still has to wait before its next attempt is even checked. */
    Optional<Duration> waitFor(String subject) {
        Failures failures = bySubject.get(subject);
        Instant now = clock.instant();
        if (failures == null || !now.isBefore(failures.notBefore())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, failures.notBefore()));
    }

    /** Counts a failure (also provisionally, before the check, so that parallel guesses count at once). */
    void failed(String subject) {
        Instant now = clock.instant();
        if (bySubject.size() >= capacity) {
            forgetQuiet(now);
        }
        bySubject.compute(subject, (key, before) -> {
            int count = before == null || forgotten(before, now) ? 1 : before.count() + 1;
            return new Failures(count, now, now.plus(policy.waitAfter(count)));
        });
    }

    void succeeded(String subject) {
        bySubject.remove(subject);
    }

    /** Takes back one provisional failure: the attempt succeeded. */
    void undo(String subject) {
        bySubject.computeIfPresent(subject, (key, failures) -> failures.count() <= 1 ? null
                : new Failures(failures.count() - 1, failures.last(), failures.last().plus(policy.waitAfter(failures.count() - 1))));
    }

    private boolean forgotten(Failures failures, Instant now) {
        return now.isAfter(failures.notBefore().plus(policy.block()));
    }

    private void forgetQuiet(Instant now) {
        bySubject.values().removeIf(failures -> forgotten(failures, now));
        if (bySubject.size() >= capacity) {
            // Flooded with fresh subjects: keep the blocked ones, which matter most.
            bySubject.values().removeIf(failures -> failures.count() < policy.failuresBeforeBlock());
        }
    }
}
