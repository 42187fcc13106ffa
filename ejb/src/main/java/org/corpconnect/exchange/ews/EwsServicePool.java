package org.corpconnect.exchange.ews;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import microsoft.exchange.webservices.data.core.ExchangeService;
import org.corpconnect.exchange.ExchangeAccess;

/**
 * ews-java-api services kept for the next call of the same access (endpoint, dedicated mailbox, mode, credential
 * and its generation: never another account's or an older credential's), each used by one call at a time.
 *
 * <p>Why not one per call: ews-java-api builds an HttpClient in the service's constructor, and HttpClient looks its
 * version up as a class-path resource; Payara 6's application class loader keeps every stream it ever opened
 * (payara/Payara#7919, fixed after the last Payara 6 release served here): about 3 KB a call for the life of the
 * deployment, some 170 MB a day for a 10,000-user account.
 *
 * <p>A service goes back only after a call that succeeded; one idle for a minute, or beyond the few kept per access,
 * is closed.
 */
final class EwsServicePool<S extends ExchangeService> {

    static final Duration IDLE = Duration.ofMinutes(1);
    static final int KEPT_PER_ACCESS = 8;

    private record Idle<S>(S service, Instant since) {
    }

    private final Map<ExchangeAccess, Deque<Idle<S>>> idle = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastSweep;
    private final Clock clock;

    EwsServicePool(Clock clock) {
        this.clock = clock;
        this.lastSweep = new AtomicReference<>(clock.instant());
    }

    /** A service of this access that no other call holds: an idle one, or a new one. */
    S take(ExchangeAccess access, Supplier<S> create) {
        sweepNowAndThen();
        AtomicReference<Idle<S>> taken = new AtomicReference<>();
        idle.computeIfPresent(access, (key, services) -> {
            taken.set(services.pollFirst());
            return services.isEmpty() ? null : services;
        });
        return taken.get() != null ? taken.get().service() : create.get();
    }

    /** The call through it succeeded: kept for the next one, or closed if enough are kept. */
    void giveBack(ExchangeAccess access, S service) {
        Instant now = clock.instant();
        AtomicReference<Boolean> kept = new AtomicReference<>(false);
        idle.compute(access, (key, services) -> {
            Deque<Idle<S>> list = services == null ? new ArrayDeque<>() : services;
            if (list.size() < KEPT_PER_ACCESS) {
                list.offerFirst(new Idle<>(service, now));
                kept.set(true);
            }
            return list.isEmpty() ? null : list;
        });
        if (!kept.get()) {
            service.close();
        }
    }

    /** Closes every idle service (the application stops). */
    void closeAll() {
        sweep(Instant.MAX);
    }

    /** Idle ones are closed at most every 10 s, by whichever call comes. */
    private void sweepNowAndThen() {
        Instant now = clock.instant();
        Instant last = lastSweep.get();
        if (now.isAfter(last.plusSeconds(10)) && lastSweep.compareAndSet(last, now)) {
            sweep(now.minus(IDLE));
        }
    }

    private void sweep(Instant idleSince) {
        List<ExchangeService> stale = new ArrayList<>();
        for (ExchangeAccess key : idle.keySet()) {
            idle.computeIfPresent(key, (k, services) -> {
                services.removeIf(entry -> {
                    boolean old = !entry.since().isAfter(idleSince);
                    if (old) {
                        stale.add(entry.service());
                    }
                    return old;
                });
                return services.isEmpty() ? null : services;
            });
        }
        stale.forEach(ExchangeService::close); // outside the map's locks: closing may touch the network
    }

    /** Idle services kept (tests). */
    int idleCount() {
        return idle.values().stream().mapToInt(Deque::size).sum();
    }
}
