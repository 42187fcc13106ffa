package org.corpconnect.busytime;

import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The access checks of one refresh, run beside its free/busy requests rather than after them: a user's
 * check is offered once the user's free/busy is read (the check reports on that read) and taken by at most
 * {@code lanes} helpers of the shared executor while the requests go on. Whoever finishes the refresh takes
 * what is left and waits only for checks a helper has begun, never for a helper to start: a full pool slows
 * the checks down but cannot stall the refresh.
 */
final class AccessCheckLane<T> {

    private final Queue<T> ready = new ConcurrentLinkedQueue<>();
    private final Consumer<T> check;
    private final Executor executor;
    private final int lanes;
    /** Helpers handed to the executor and not yet done, begun or not. */
    private final AtomicInteger helpers = new AtomicInteger();
    /** Workers between taking an item (or looking for one) and its check's end. */
    private final AtomicInteger taking = new AtomicInteger();
    private final Object idle = new Object();

    AccessCheckLane(Consumer<T> check, Executor executor, int lanes) {
        this.check = check;
        this.executor = executor;
        this.lanes = lanes;
    }

    /** Checks now ready to run; a helper takes them while there are fewer than {@code lanes}. */
    void offer(Collection<T> checks) {
        ready.addAll(checks);
        for (int running = helpers.get(); running < lanes && !ready.isEmpty(); running = helpers.get()) {
            if (helpers.compareAndSet(running, running + 1)) {
                try {
                    executor.execute(this::help);
                } catch (RejectedExecutionException fullPool) {
                    helpers.decrementAndGet();
                    return; // the rest waits for a helper that ends, or for finish()
                }
            }
        }
    }

    /** After the last offer: takes what is left on this thread, then waits for the checks helpers have begun. */
    void finish() throws InterruptedException {
        drain();
        synchronized (idle) {
            while (taking.get() > 0) {
                idle.wait();
            }
        }
    }

    private void help() {
        try {
            drain();
        } finally {
            helpers.decrementAndGet();
        }
        if (!ready.isEmpty()) {
            offer(List.of()); // offered while this helper was ending and the lanes looked full
        }
    }

    private void drain() {
        while (true) {
            taking.incrementAndGet(); // before the poll: finish() never sees an item in nobody's hands
            T item = ready.poll();
            try {
                if (item == null) {
                    return;
                }
                check.accept(item);
            } finally {
                if (taking.decrementAndGet() == 0) {
                    synchronized (idle) {
                        idle.notifyAll();
                    }
                }
            }
        }
    }
}
