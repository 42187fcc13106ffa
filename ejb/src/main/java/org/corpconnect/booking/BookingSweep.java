package org.corpconnect.booking;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * No slot held for ever: every {@code booking.sweep-interval-seconds}, settles the bookings left
 * mid-way (see {@link BookingRecovery}): holds older than {@code booking.hold-minutes}, and claims
 * whose owner stopped answering for {@code booking.lease-seconds} (a crash, a killed server). Every instance of a cluster sweeps, with a
 * non-persistent timer of its own: each booking is settled under its row's claim ({@link
 * Bookings#takeOver}), which one instance gets, so a sweep never runs twice on a booking, and whichever
 * instances are alive sweep (a persistent timer would fire only on the instance that made it).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "MasterKeyRotation"})
@Lock(LockType.READ) // A run that is still going makes the next one skip (below), rather than queue behind it.
public class BookingSweep {

    private static final Logger LOG = Logger.getLogger(BookingSweep.class.getName());
    private static final String TIMER = "booking-sweep";
    /** Bookings settled per run, so that one run stays short; the rest wait for the next. */
    private static final int PER_RUN = 100;

    private final AtomicBoolean running = new AtomicBoolean();

    @Resource
    private TimerService timers;

    @Inject
    private Bookings bookings;

    @Inject
    private BookingRecovery recovery;

    @Inject
    private BookingLapses lapses;

    @Inject
    @ConfigProperty(name = "booking.sweep-interval-seconds", defaultValue = "60")
    long intervalSeconds;

    /** This instance's timer; a persistent one is the sweep timer of an earlier version, which this one replaces. */
    @PostConstruct
    void schedule() {
        timers.getTimers().stream().filter(Timer::isPersistent).forEach(Timer::cancel);
        long interval = Duration.ofSeconds(Math.max(1, intervalSeconds)).toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig(TIMER, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Exchange calls: no transaction around them.
    void sweep() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            sweepOnce();
        } finally {
            running.set(false);
        }
    }

    private void sweepOnce() {
        Bookings.Lapse lapse = lapses.at(Instant.now(Clock.systemUTC()));
        for (String bookingId : bookings.toSweep(lapse, PER_RUN)) {
            try {
                recovery.settle(bookingId, lapse);
            } catch (RuntimeException failure) {
                // One booking's trouble (a lock timeout, a database hiccup) must not stop the others.
                LOG.log(Level.WARNING, "The sweep could not settle booking " + bookingId + "; it tries again next time.", failure);
            }
        }
    }
}
