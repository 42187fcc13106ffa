package org.corpconnect.sim.faults;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * EWSMaxConcurrency: at most {@code budget} requests of one account in flight at once (27 on Exchange
 * 2013+ and Online). The request over budget gets ErrorServerBusy with a back-off, as Exchange does.
 */
public final class Throttle {
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private volatile int budget;
    private volatile long backOffMillis;

    public Throttle(int budget, long backOffMillis) {
        this.budget = budget;
        this.backOffMillis = backOffMillis;
    }

    /** A permit to close when the request is done; empty when the account is over its budget. */
    public Optional<AutoCloseable> tryEnter(String account) {
        AtomicInteger count = inFlight.computeIfAbsent(account, a -> new AtomicInteger());
        if (count.incrementAndGet() > budget) {
            count.decrementAndGet();
            return Optional.empty();
        }
        return Optional.of(count::decrementAndGet);
    }

    public int budget() {
        return budget;
    }

    public void setBudget(int budget) {
        this.budget = budget;
    }

    public long backOffMillis() {
        return backOffMillis;
    }

    public void setBackOffMillis(long backOffMillis) {
        this.backOffMillis = backOffMillis;
    }
}
