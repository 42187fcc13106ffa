package org.corpconnect.admin.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureCounterTest {

    private static final FailurePolicy POLICY = new FailurePolicy(2, 5, Duration.ofMinutes(15));

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void freeFailuresThenAGrowingDelayThenABlock() {
        FailureCounter counter = new FailureCounter(POLICY, clock, 100);

        counter.failed("anna");
        counter.failed("anna");
        assertEquals(Optional.empty(), counter.waitFor("anna"));
        counter.failed("anna");
        assertEquals(Optional.of(Duration.ofSeconds(1)), counter.waitFor("anna"));
        now = now.plusSeconds(1);
        counter.failed("anna");
        assertEquals(Optional.of(Duration.ofSeconds(2)), counter.waitFor("anna"));
        now = now.plusSeconds(2);
        counter.failed("anna");
        assertEquals(Optional.of(Duration.ofMinutes(15)), counter.waitFor("anna"));
        assertEquals(Optional.empty(), counter.waitFor("otto"), "other subjects are not concerned");
    }

    @Test
    void aBlockEndsAndIsForgottenAfterAQuietBlockLength() {
        FailureCounter counter = new FailureCounter(POLICY, clock, 100);
        for (int i = 0; i < 5; i++) {
            counter.failed("anna");
        }
        now = now.plus(Duration.ofMinutes(15)).plusSeconds(1);
        assertEquals(Optional.empty(), counter.waitFor("anna"));
        now = now.plus(Duration.ofMinutes(15));

        counter.failed("anna");
        assertEquals(Optional.empty(), counter.waitFor("anna"), "counting starts afresh");
    }

    @Test
    void aFailureSoonAfterABlockBlocksAgain() {
        FailureCounter counter = new FailureCounter(POLICY, clock, 100);
        for (int i = 0; i < 5; i++) {
            counter.failed("anna");
        }
        now = now.plus(Duration.ofMinutes(15)); // the block is over, but not yet forgotten
        now = now.plusMillis(1);
        counter.failed("anna");
        assertTrue(counter.waitFor("anna").isPresent());
    }

    @Test
    void successForgetsAndUndoTakesBackOneFailure() {
        FailureCounter counter = new FailureCounter(POLICY, clock, 100);
        for (int i = 0; i < 3; i++) {
            counter.failed("anna");
        }
        counter.undo("anna");
        assertEquals(Optional.empty(), counter.waitFor("anna"), "two failures: no delay yet");
        counter.succeeded("anna");
        counter.failed("anna");
        counter.failed("anna");
        assertEquals(Optional.empty(), counter.waitFor("anna"));
    }

    @Test
    void aFloodOfSubjectsKeepsTheBlockedOnes() {
        FailureCounter counter = new FailureCounter(POLICY, clock, 10);
        for (int i = 0; i < 5; i++) {
            counter.failed("anna");
        }
        for (int i = 0; i < 50; i++) {
            counter.failed("random-" + i);
        }
        assertEquals(Optional.of(Duration.ofMinutes(15)), counter.waitFor("anna"));
    }
}
