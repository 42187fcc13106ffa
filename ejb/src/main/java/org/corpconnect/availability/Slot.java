package org.corpconnect.availability;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A free slot [start, end) and who is free in it: the free users in ANY mode, every user in ALL mode. */
public record Slot(Instant start, Instant end, List<Long> freeUserIds) {

    public Slot {
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A slot ends after it starts: " + start + " .. " + end);
        }
        freeUserIds = List.copyOf(freeUserIds);
    }
}
