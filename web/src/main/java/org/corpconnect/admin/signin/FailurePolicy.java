package org.corpconnect.admin.signin;

import java.time.Duration;

/**
 * How long one subject (a user name, a client address) waits after failures in a row: nothing for the
 * first few, then 1 s doubling at each further failure, then a block; forgotten
 * after a block's length of quiet once the wait is over (so that a failure right after a block blocks again).
 */
record FailurePolicy(int failuresBeforeDelay, int failuresBeforeBlock, Duration block) {

    FailurePolicy {
        if (failuresBeforeDelay < 0 || failuresBeforeBlock <= failuresBeforeDelay || block.isNegative() || block.isZero()) {
            throw new IllegalArgumentException("Sign-in throttling needs 0 <= failures before delay < failures before block"
                    + " and a positive block: " + failuresBeforeDelay + ", " + failuresBeforeBlock + ", " + block);
        }
    }

    Duration waitAfter(int failures) {
        if (failures >= failuresBeforeBlock) {
            return block;
        }
        if (failures <= failuresBeforeDelay) {
            return Duration.ZERO;
        }
        Duration delay = Duration.ofSeconds(1L << Math.min(30, failures - failuresBeforeDelay - 1));
        return delay.compareTo(block) < 0 ? delay : block;
    }
}
