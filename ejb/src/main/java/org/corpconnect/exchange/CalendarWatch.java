package org.corpconnect.exchange;

import java.time.Instant;
import java.util.Objects;

/**
 * Exchange watching one user's calendar and calling the product back on changes, until
 * {@code expires} unless renewed. {@code id} is Exchange's name for it, carried by every callback.
 */
public record CalendarWatch(String id, Instant expires) {

    public CalendarWatch {
        Objects.requireNonNull(id);
        Objects.requireNonNull(expires);
    }
}
