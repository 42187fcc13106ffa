package org.corpconnect.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A valid query to start from: Wednesday 2026-06-10 in Berlin, 30-minute slots every 30 minutes, ANY. */
final class QueryBuilder {

    LocalDate from = LocalDate.of(2026, 6, 10);
    LocalDate to = LocalDate.of(2026, 6, 10);
    ZoneId zone = ZoneId.of("Europe/Berlin");
    Duration slotLength = Duration.ofMinutes(30);
    Duration step = Duration.ofMinutes(30);
    Duration bufferBefore = Duration.ZERO;
    Duration bufferAfter = Duration.ZERO;
    Duration minimumNotice = Duration.ZERO;
    Instant horizonEnd = Instant.parse("2026-12-31T00:00:00Z");
    Instant now = Instant.parse("2026-06-01T00:00:00Z");
    SlotQuery.Mode mode = SlotQuery.Mode.ANY;

    static QueryBuilder query() {
        return new QueryBuilder();
    }

    QueryBuilder on(String date) {
        return dates(date, date);
    }

    QueryBuilder dates(String from, String to) {
        this.from = LocalDate.parse(from);
        this.to = LocalDate.parse(to);
        return this;
    }

    QueryBuilder zone(String zone) {
        this.zone = ZoneId.of(zone);
        return this;
    }

    QueryBuilder slots(int lengthMinutes, int stepMinutes) {
        this.slotLength = Duration.ofMinutes(lengthMinutes);
        this.step = Duration.ofMinutes(stepMinutes);
        return this;
    }

    QueryBuilder buffers(int beforeMinutes, int afterMinutes) {
        this.bufferBefore = Duration.ofMinutes(beforeMinutes);
        this.bufferAfter = Duration.ofMinutes(afterMinutes);
        return this;
    }

    QueryBuilder notice(int minutes) {
        this.minimumNotice = Duration.ofMinutes(minutes);
        return this;
    }

    QueryBuilder now(Instant now) {
        this.now = now;
        return this;
    }

    QueryBuilder horizon(Instant horizonEnd) {
        this.horizonEnd = horizonEnd;
        return this;
    }

    QueryBuilder mode(SlotQuery.Mode mode) {
        this.mode = mode;
        return this;
    }

    SlotQuery build() {
        return new SlotQuery(from, to, zone, slotLength, step, bufferBefore, bufferAfter, minimumNotice, horizonEnd, now, mode);
    }
}
