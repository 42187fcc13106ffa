package org.corpconnect.sim.graph.throttling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.graph.GraphError;

/** Concurrency and rate limits of one app on one mailbox. Thread-safe. */
public final class MailboxThrottle {
    public static final Duration WINDOW = Duration.ofMinutes(10);

    private final Clock clock;
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();
    private volatile int concurrency;
    private volatile int requestsPerWindow;

    public MailboxThrottle(Clock clock, int concurrency, int requestsPerWindow) {
        this.clock = clock;
        this.concurrency = concurrency;
        this.requestsPerWindow = requestsPerWindow;
    }

    public int concurrency() {
        return concurrency;
    }

    public int requestsPerWindow() {
        return requestsPerWindow;
    }

    public void configure(int concurrency, int requestsPerWindow) {
        this.concurrency = concurrency;
        this.requestsPerWindow = requestsPerWindow;
    }

    public void reset() {
        usage.clear();
    }

    /** A request's place in the concurrency limit, given back when it is done. */
    @FunctionalInterface
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** A permit to close when the request is done; a 429 GraphError when over a limit. */
    public Permit enter(String appId, MailboxAddress mailbox) {
        Usage u = usage.computeIfAbsent(appId + "|" + mailbox.value(), k -> new Usage());
        Instant now = clock.instant();
        synchronized (u) {
            while (!u.recent.isEmpty() && !u.recent.peekFirst().isAfter(now.minus(WINDOW))) {
                u.recent.removeFirst();
            }
            u.recent.addLast(now); // throttled requests count too
            if (u.recent.size() > requestsPerWindow) {
                long wait = Math.max(1, Duration.between(now, u.recent.peekFirst().plus(WINDOW)).toSeconds());
                throw throttled("Application is over its IncomingRequests limit.", wait);
            }
            if (u.inFlight >= concurrency) {
                throw throttled("Application is over its MailboxConcurrency limit.", 1);
            }
            u.inFlight++;
        }
        return () -> {
            synchronized (u) {
                u.inFlight--;
            }
        };
    }

    public static GraphError throttled(String message, long retryAfterSeconds) {
        return new GraphError(429, "ApplicationThrottled", message, Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    private static final class Usage {
        private final Deque<Instant> recent = new ArrayDeque<>();
        private int inFlight;
    }
}
