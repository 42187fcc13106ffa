package org.corpconnect.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.corpconnect.bookingrules.WorkingHours;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.TimeWindow;

/**
 * Finds the free slots of a {@link SlotQuery} for a set of users.
 *
 * <p>Candidate starts are wall-clock times of the query zone, and the rest is done on instants: a
 * local time that does not exist (spring forward) gives no candidate, one that exists twice (fall
 * back) gives two. Each user's busy intervals are sorted and merged once, and the candidates are
 * swept in order against them, so the cost grows with candidates plus intervals, not their product.
 */
public final class SlotFinder {

    private SlotFinder() {
    }

    public static List<Slot> find(SlotQuery query, List<UserCalendar> users) {
        Objects.requireNonNull(query, "query");
        requireDistinctIds(users);
        // With no users, "every user is free" would hold for every slot: nobody to meet is no slot.
        if (users.isEmpty()) {
            return List.of();
        }
        boolean all = query.mode() == SlotQuery.Mode.ALL;
        if (all && users.stream().anyMatch(user -> !user.readable())) {
            return List.of();
        }
        Instant rangeStart = query.from().atStartOfDay(query.zone()).toInstant();
        Instant rangeEnd = query.to().plusDays(1).atStartOfDay(query.zone()).toInstant();
        List<Sweep> sweeps = users.stream().filter(UserCalendar::readable)
                .map(user -> new Sweep(user, rangeStart, rangeEnd)).toList();
        if (sweeps.isEmpty()) {
            return List.of();
        }
        List<Slot> slots = new ArrayList<>();
        for (Instant start : candidateStarts(query, rangeEnd)) {
            Instant end = start.plus(query.slotLength());
            Instant guardStart = start.minus(query.bufferBefore());
            Instant guardEnd = end.plus(query.bufferAfter());
            List<Long> free = new ArrayList<>(sweeps.size());
            for (Sweep sweep : sweeps) {
                if (sweep.isFree(start, end, guardStart, guardEnd)) {
                    free.add(sweep.userId);
                } else if (all) {
                    break; // Skipping a user's sweep is safe: its cursors only ever move forward.
                }
            }
            if (all ? free.size() == sweeps.size() : !free.isEmpty()) {
                slots.add(new Slot(start, end, free));
            }
        }
        return List.copyOf(slots);
    }

    /**
     * Starts of the slots that fit the query alone (notice, horizon, range), sorted. Each local date
     * restarts at its midnight, so the grid stays on :00/:15/... whatever the step and the DST changes.
     * An instant has exactly one local time, so no start comes twice.
     */
    private static List<Instant> candidateStarts(SlotQuery query, Instant rangeEnd) {
        ZoneRules rules = query.zone().getRules();
        Instant earliest = earliestStart(query.now(), query.minimumNotice(), rangeEnd);
        Instant latestEnd = query.horizonEnd().isBefore(rangeEnd) ? query.horizonEnd() : rangeEnd;
        List<Instant> starts = new ArrayList<>();
        for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
            LocalDateTime nextMidnight = day.plusDays(1).atStartOfDay();
            for (LocalDateTime local = day.atStartOfDay(); local.isBefore(nextMidnight); local = local.plus(query.step())) {
                // None in a gap, two in an overlap.
                for (ZoneOffset offset : rules.getValidOffsets(local)) {
                    Instant start = local.toInstant(offset);
                    if (!start.isBefore(earliest) && !start.plus(query.slotLength()).isAfter(latestEnd)) {
                        starts.add(start);
                    }
                }
            }
        }
        starts.sort(Comparator.naturalOrder()); // Only fall-back hours are out of order.
        return starts;
    }

    // now + minimumNotice, without overflowing Instant for an absurd notice: past the range, nothing fits anyway.
    private static Instant earliestStart(Instant now, Duration minimumNotice, Instant rangeEnd) {
        return minimumNotice.compareTo(Duration.between(now, rangeEnd)) >= 0 ? rangeEnd : now.plus(minimumNotice);
    }

    private static void requireDistinctIds(List<UserCalendar> users) {
        Set<Long> ids = new HashSet<>();
        for (UserCalendar user : users) {
            if (!ids.add(user.id())) {
                throw new IllegalArgumentException("User " + user.id() + " is listed twice.");
            }
        }
    }

    /**
     * One user's working spans and merged busy spans, both sorted and disjoint, read by cursors that
     * only move forward: candidates come in increasing order, and so do their buffered guards.
     */
    private static final class Sweep {

        private final long userId;
        private final List<TimeWindow> working;
        private final List<TimeWindow> busy;
        private int nextWorking;
        private int nextBusy;

        Sweep(UserCalendar user, Instant rangeStart, Instant rangeEnd) {
            this.userId = user.id();
            this.working = workingSpans(user, rangeStart, rangeEnd);
            this.busy = merged(user.busy());
        }

        boolean isFree(Instant start, Instant end, Instant guardStart, Instant guardEnd) {
            return withinWorkingHours(start, end) && !busyDuring(guardStart, guardEnd);
        }

        private boolean withinWorkingHours(Instant start, Instant end) {
            // A span ending at or before this start cannot hold any later slot either.
            while (nextWorking < working.size() && !working.get(nextWorking).end().isAfter(start)) {
                nextWorking++;
            }
            if (nextWorking == working.size()) {
                return false;
            }
            TimeWindow span = working.get(nextWorking);
            return !span.start().isAfter(start) && !end.isAfter(span.end());
        }

        private boolean busyDuring(Instant guardStart, Instant guardEnd) {
            while (nextBusy < busy.size() && !busy.get(nextBusy).end().isAfter(guardStart)) {
                nextBusy++;
            }
            // Half-open: a busy span ending exactly at the guard's start, or starting at its end, does not touch it.
            return nextBusy < busy.size() && busy.get(nextBusy).start().isBefore(guardEnd);
        }

        /** The working spans of every user-local date the range touches ({@link WorkingHours#spanOn}). */
        private static List<TimeWindow> workingSpans(UserCalendar user, Instant rangeStart, Instant rangeEnd) {
            LocalDate first = rangeStart.atZone(user.userZone()).toLocalDate();
            LocalDate last = rangeEnd.atZone(user.userZone()).toLocalDate();
            List<TimeWindow> spans = new ArrayList<>();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                user.workingHours().spanOn(day, user.userZone()).ifPresent(spans::add);
            }
            return spans;
        }

        // Overlapping and touching intervals become one span; empty ones take no time and are dropped.
        private static List<TimeWindow> merged(List<BusyInterval> intervals) {
            List<BusyInterval> sorted = intervals.stream().filter(i -> i.end().isAfter(i.start()))
                    .sorted(Comparator.comparing(BusyInterval::start)).toList();
            List<TimeWindow> spans = new ArrayList<>();
            Instant start = null;
            Instant end = null;
            for (BusyInterval interval : sorted) {
                if (start != null && !interval.start().isAfter(end)) {
                    end = interval.end().isAfter(end) ? interval.end() : end;
                } else {
                    if (start != null) {
                        spans.add(new TimeWindow(start, end));
                    }
                    start = interval.start();
                    end = interval.end();
                }
            }
            if (start != null) {
                spans.add(new TimeWindow(start, end));
            }
            return spans;
        }
    }
}
