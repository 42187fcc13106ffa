package org.corpconnect.rest;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per subject (a key, an account, a client address), refilled evenly over a minute,
 * in this server's memory. At most {@code maxSubjects} buckets: full ones (idle subjects) go first.
 */
final class RateBuckets {

    private final long perMinute;
    private final int maxSubjects;
    private final Map<Object, Bucket> bySubject = new ConcurrentHashMap<>();

    RateBuckets(long perMinute, int maxSubjects) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("A rate limit is at least 1 per minute: " + perMinute);
        }
        this.perMinute = perMinute;
        this.maxSubjects = maxSubjects;
    }

    /** Takes one token; empty if there was one, else how long until there is. */
    Optional<Duration> take(Object subject) {
        ConsumptionProbe probe = bucket(subject).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How long until the subject has a token again, without taking one. */
    Optional<Duration> waitFor(Object subject) {
        Bucket bucket = bySubject.get(subject);
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket bucket(Object subject) {
        if (bySubject.size() >= maxSubjects && !bySubject.containsKey(subject)) {
            bySubject.values().removeIf(bucket -> bucket.getAvailableTokens() >= perMinute);
        }
        return bySubject.computeIfAbsent(subject, s -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }
}
