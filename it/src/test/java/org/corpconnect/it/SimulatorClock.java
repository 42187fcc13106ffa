package org.corpconnect.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The test run simulator's clock: the system's, moved ahead while a test needs Exchange Online to see
 * time pass (an access token expire) without waiting for it; the server keeps the real time.
 */
public final class SimulatorClock extends Clock {

    public static final SimulatorClock INSTANCE = new SimulatorClock();

    private volatile Duration ahead = Duration.ZERO;

    private SimulatorClock() {
    }

    /** From now on the simulator is this far ahead, until {@link #reset()}. */
    public void moveAhead(Duration by) {
        ahead = by;
    }

    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }
}
