package org.corpconnect.busytime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AccessCheckLaneTest {

    @Test
    void checksOfferedFromManyReadersRunOnceEachWithAtMostTheLanesBeforeTheFinish() throws Exception {
        Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            AccessCheckLane<Integer> lane = new AccessCheckLane<>(item -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                sleep(1);
                runs.computeIfAbsent(item, i -> new AtomicInteger()).incrementAndGet();
                inFlight.decrementAndGet();
            }, pool, 3);
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                int reader = r;
                Thread thread = new Thread(() -> IntStream.range(0, 25)
                        .forEach(i -> lane.offer(List.of(reader * 100 + i * 2, reader * 100 + i * 2 + 1))));
                thread.start();
                readers.add(thread);
            }
            for (Thread reader : readers) {
                reader.join();
            }
            int mostBeforeFinish = most.get();
            lane.finish();

            assertEquals(200, runs.size(), "every check offered ran");
            assertTrue(runs.values().stream().allMatch(n -> n.get() == 1), "each once: " + runs);
            assertTrue(mostBeforeFinish <= 3, "at most the 3 lanes while the readers offered: " + mostBeforeFinish);
            assertEquals(0, inFlight.get(), "finish() returned after every check begun had ended");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFullPoolLeavesTheChecksToTheFinish() throws Exception {
        List<Integer> ran = new ArrayList<>();
        AccessCheckLane<Integer> lane = new AccessCheckLane<>(ran::add, task -> {
            throw new RejectedExecutionException("full");
        }, 4);
        lane.offer(List.of(1, 2, 3));
        lane.offer(List.of(4));
        assertEquals(List.of(), ran, "no helper: nothing ran yet");

        lane.finish();

        assertEquals(List.of(1, 2, 3, 4), ran, "the finishing thread ran them all, in order");
    }

    @Test
    void theFinishNeverWaitsForAHelperThatHasNotStarted() throws Exception {
        List<Runnable> neverStarted = new ArrayList<>();
        Map<Integer, String> ranOn = new ConcurrentHashMap<>();
        AccessCheckLane<Integer> lane = new AccessCheckLane<>(item -> ranOn.put(item, Thread.currentThread().getName()),
                neverStarted::add, 2);
        lane.offer(List.of(1, 2, 3));
        assertEquals(2, neverStarted.size(), "two helpers asked for, both still queued in the pool");

        CountDownLatch finished = new CountDownLatch(1);
        Thread finisher = new Thread(() -> {
            try {
                lane.finish();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.countDown();
        }, "finisher");
        finisher.start();

        assertTrue(finished.await(10, TimeUnit.SECONDS), "finished without the helpers");
        finisher.join();
        assertEquals(Map.of(1, "finisher", 2, "finisher", 3, "finisher"), ranOn);
        neverStarted.forEach(Runnable::run); // a helper that starts late finds nothing left
        assertEquals(3, ranOn.size());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
