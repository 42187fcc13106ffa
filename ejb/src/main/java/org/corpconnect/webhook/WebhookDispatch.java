package org.corpconnect.webhook;

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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox: every {@code webhooks.dispatch-interval-seconds}, each due row is claimed, sent
 * with no transaction open, and its outcome recorded under the claim. Every instance of a cluster
 * dispatches, with a non-persistent timer of its own: each row goes out under its claim, which one
 * instance gets, and whichever instances are alive deliver (a persistent timer would fire only on the
 * instance that made it); the outbox is in the database, so what was not delivered before a crash goes
 * out after it. Hourly, it forgets settled rows older than {@code webhooks.log-retention-days}.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "MasterKeyRotation"})
@Lock(LockType.READ) // A run still going makes the next one skip, rather than queue behind it.
public class WebhookDispatch {

    private static final Logger LOG = Logger.getLogger(WebhookDispatch.class.getName());
    private static final String TIMER = "webhook-dispatch";
    /** Rows per run, so that a run stays short; the rest wait for the next. */
    private static final int PER_RUN = 100;

    /** How often the delivery log is pruned: its delete scans the settled rows, too much for every run. */
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant prunedAt = Instant.MIN;

    @Resource
    private TimerService timers;

    @Inject
    private WebhookDeliveries deliveries;

    @Inject
    private WebhookSender sender;

    @Inject
    private WebhookSettings settings;

    /** This instance's timer; a persistent one is the dispatch timer of an earlier version, which this one replaces. */
    @PostConstruct
    void schedule() {
        timers.getTimers().stream().filter(Timer::isPersistent).forEach(Timer::cancel);
        long interval = settings.dispatchInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig(TIMER, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // HTTP calls: no transaction around them.
    void dispatch() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (long deliveryId : deliveries.due(PER_RUN)) {
                deliverOne(deliveryId);
            }
            pruneHourly();
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "The webhook dispatch could not read the outbox; it tries again next time.", failure);
        } finally {
            running.set(false);
        }
    }

    private void pruneHourly() {
        Instant now = Instant.now(Clock.systemUTC());
        if (prunedAt.isBefore(now.minus(PRUNE_EVERY))) {
            prunedAt = now;
            int pruned = deliveries.prune(now.minus(settings.logRetention()));
            LOG.fine(() -> pruned + " settled webhook deliveries left the delivery log.");
        }
    }

    private void deliverOne(long deliveryId) {
        try {
            Optional<WebhookDeliveries.Attempt> claimed = deliveries.claim(deliveryId);
            if (claimed.isEmpty()) {
                return;
            }
            WebhookDeliveries.Attempt attempt = claimed.get();
            WebhookSender.Outcome outcome = sender.send(attempt);
            if (!deliveries.record(attempt, outcome)) {
                LOG.info(() -> "The outcome of webhook delivery " + deliveryId + " came after its claim lapsed; it may be sent again.");
            }
        } catch (RuntimeException failure) {
            // One row's trouble (a lock timeout, an unreadable secret) must not stop the others; its claim lapses.
            LOG.log(Level.WARNING, "Webhook delivery " + deliveryId + " failed; it is tried again after its claim lapses.", failure);
        }
    }
}
