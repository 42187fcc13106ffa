package org.corpconnect.exchange.graph;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.exchange.ExchangeThrottled;

/**
 * Graph's limit of 4 concurrent requests per app and target mailbox, kept on our side: a fifth
 * request would only earn a 429 that still counts against the mailbox's budget.
 */
final class MailboxConcurrency {

    static final int PER_MAILBOX = 4;

    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();

    /** A permit for one request, waiting at most {@code maxWait}; close it when the answer is in. */
    Permit acquire(String clientId, MailboxAddress mailbox, Duration maxWait) {
        Semaphore slots = inFlight.computeIfAbsent(clientId + "|" + mailbox.value(), key -> new Semaphore(PER_MAILBOX, true));
        try {
            if (!slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ExchangeThrottled("Already " + PER_MAILBOX + " Graph requests in flight to " + mailbox
                        + " (Graph's limit per mailbox); try again shortly.", Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeThrottled("Interrupted while waiting for a Graph request slot for " + mailbox + ".",
                    Duration.ofSeconds(1));
        }
        return slots::release;
    }

    /** How many requests to this mailbox are in flight now (for tests and the request log). */
    int inFlight(String clientId, MailboxAddress mailbox) {
        Semaphore slots = inFlight.get(clientId + "|" + mailbox.value());
        return slots == null ? 0 : PER_MAILBOX - slots.availablePermits();
    }

    @FunctionalInterface
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
