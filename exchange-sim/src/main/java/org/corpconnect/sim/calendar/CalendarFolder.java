package org.corpconnect.sim.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.corpconnect.sim.directory.MailboxAddress;

/**
 * The calendar folder of one mailbox. Writers are serialised on the folder; readers get copies or
 * computed occurrences, so an EWS response never sees a half-applied change.
 */
public final class CalendarFolder {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final MailboxAddress owner;
    private final Map<String, CalendarItem> items = new LinkedHashMap<>();
    // Change tracking for SyncFolderItems: a folder-wide sequence, when each item was created and last
    // changed, and tombstones of deleted items.
    private long sequence;
    private final Map<String, Long> createdAt = new java.util.HashMap<>();
    private final Map<String, Long> changedAt = new java.util.HashMap<>();
    private final Map<String, Long> deletedAt = new java.util.HashMap<>();

    public CalendarFolder(MailboxAddress owner) {
        this.owner = owner;
    }

    public MailboxAddress owner() {
        return owner;
    }

    /** A new item id: unique in the process, so an id never resolves to an item of another mailbox. */
    public static String newItemId() {
        return Long.toString(System.nanoTime(), 36) + "-" + SEQUENCE.incrementAndGet();
    }

    public synchronized CalendarItem add(CalendarItem item) {
        if (item.created() == null) {
            item.created(Clock.systemUTC().instant());
        }
        if (item.uid() == null) {
            item.uid(item.id() + "@" + owner.domain());
        }
        items.put(item.id(), item);
        sequence++;
        createdAt.put(item.id(), sequence);
        changedAt.put(item.id(), sequence);
        return item.copy();
    }

    /**
     * Adds the item unless an item the predicate recognises is already there (a create retried with the same
     * transaction id): decided under the folder's lock, so two racing retries still make one item.
     */
    public synchronized Added addUnlessPresent(java.util.function.Predicate<CalendarItem> same, CalendarItem item) {
        for (CalendarItem existing : items.values()) {
            if (same.test(existing)) {
                return new Added(existing.copy(), false);
            }
        }
        return new Added(add(item), true);
    }

    /** The stored item (a copy) and whether this call created it. */
    public record Added(CalendarItem item, boolean created) {
    }

    public synchronized Optional<CalendarItem> find(String id) {
        CalendarItem item = items.get(id);
        return Optional.ofNullable(item == null ? null : item.copy());
    }

    /** Applies a change to the stored item and bumps its change key; empty when the item does not exist. */
    public synchronized Optional<CalendarItem> update(String id, Consumer<CalendarItem> change) {
        CalendarItem item = items.get(id);
        if (item == null) {
            return Optional.empty();
        }
        change.accept(item);
        item.touch(Clock.systemUTC().instant());
        changedAt.put(id, ++sequence);
        return Optional.of(item.copy());
    }

    public synchronized boolean delete(String id) {
        if (items.remove(id) == null) {
            return false;
        }
        deletedAt.put(id, ++sequence);
        changedAt.remove(id);
        return true;
    }

    /** The folder's change sequence now: a sync state from which {@link #changesSince} continues. */
    public synchronized long sequence() {
        return sequence;
    }

    /** One change for SyncFolderItems: a created or updated item (its current state), or a deleted id. */
    public record Change(Kind kind, String itemId, CalendarItem item, long sequence) {
        public enum Kind { Create, Update, Delete }
    }

    /**
     * The changes after {@code since}, oldest first: an item created and changed since is one Create;
     * an item created and deleted since is nothing; series are reported as masters, never occurrences.
     */
    public synchronized List<Change> changesSince(long since) {
        List<Change> out = new ArrayList<>();
        changedAt.forEach((id, seq) -> {
            if (seq > since) {
                boolean created = createdAt.getOrDefault(id, 0L) > since;
                out.add(new Change(created ? Change.Kind.Create : Change.Kind.Update, id, items.get(id).copy(), seq));
            }
        });
        deletedAt.forEach((id, seq) -> {
            if (seq > since && createdAt.getOrDefault(id, 0L) <= since) {
                out.add(new Change(Change.Kind.Delete, id, null, seq));
            }
        });
        out.sort(Comparator.comparingLong(Change::sequence));
        return out;
    }

    /**
     * Every change after {@code since} as change notifications report them, oldest first: as
     * {@link #changesSince}, except that an item created and deleted since is reported too, created (without
     * its state: it is gone) and then deleted, since a notification subscriber hears of each change.
     */
    public synchronized List<Change> notificationsSince(long since) {
        List<Change> out = new ArrayList<>(changesSince(since));
        deletedAt.forEach((id, seq) -> {
            long created = createdAt.getOrDefault(id, 0L);
            if (seq > since && created > since) {
                out.add(new Change(Change.Kind.Create, id, null, created));
                out.add(new Change(Change.Kind.Delete, id, null, seq));
            }
        });
        out.sort(Comparator.comparingLong(Change::sequence));
        return out;
    }

    public synchronized List<CalendarItem> items() {
        return items.values().stream().map(CalendarItem::copy).toList();
    }

    public synchronized int size() {
        return items.size();
    }

    public synchronized void clear() {
        for (String id : List.copyOf(items.keySet())) {
            delete(id);
        }
    }

    /** Every appointment overlapping [from, to), recurring series expanded, sorted by start. */
    public synchronized List<Occurrence> occurrences(Instant from, Instant to) {
        List<Occurrence> out = new ArrayList<>();
        for (CalendarItem item : items.values()) {
            if (item.cancelled()) {
                continue;
            }
            if (!item.isRecurringMaster()) {
                if (item.start().isBefore(to) && item.end().isAfter(from)) {
                    out.add(Occurrence.single(item));
                }
                continue;
            }
            expand(item, from, to, out);
        }
        out.sort(Comparator.comparing(Occurrence::start).thenComparing(o -> o.item().id()));
        return out;
    }

    /** One occurrence of a series by its original start; empty if the series has no such occurrence. */
    public synchronized Optional<Occurrence> occurrence(String itemId, Instant originalStart) {
        CalendarItem item = items.get(itemId);
        if (item == null || !item.isRecurringMaster()) {
            return Optional.empty();
        }
        List<Occurrence> found = new ArrayList<>();
        expand(item, originalStart.minusSeconds(1), originalStart.plusSeconds(1), found, true);
        return found.stream().filter(o -> o.originalStart().equals(originalStart)).findFirst();
    }

    private static void expand(CalendarItem item, Instant from, Instant to, List<Occurrence> out) {
        expand(item, from, to, out, false);
    }

    private static void expand(CalendarItem item, Instant from, Instant to, List<Occurrence> out, boolean byOriginalStart) {
        ZoneId zone = item.timeZone() == null ? ZoneId.of("UTC") : item.timeZone();
        ZonedDateTime first = item.start().atZone(zone);
        LocalTime localStart = first.toLocalTime();
        java.time.Duration duration = item.duration();
        // Occurrences may have moved up to a few days; look a little beyond the window for them.
        LocalDate until = to.atZone(zone).toLocalDate().plusDays(2);
        Map<Instant, CalendarItem.OccurrenceChange> changes = item.modifiedOccurrences();
        for (LocalDate date : item.recurrence().datesUntil(until)) {
            Instant originalStart = ZonedDateTime.of(date, localStart, zone).toInstant();
            if (item.deletedOccurrences().contains(originalStart)) {
                continue;
            }
            CalendarItem.OccurrenceChange change = changes.get(originalStart);
            Occurrence occurrence = change == null
                    ? new Occurrence(item, Occurrence.Kind.Occurrence, originalStart, originalStart,
                    originalStart.plus(duration), item.subject(), item.location(), item.freeBusy())
                    : new Occurrence(item, Occurrence.Kind.Exception, originalStart, change.start(), change.end(),
                    change.subject() != null ? change.subject() : item.subject(),
                    change.location() != null ? change.location() : item.location(),
                    change.freeBusy() != null ? change.freeBusy() : item.freeBusy());
            boolean inWindow = byOriginalStart
                    ? !originalStart.isBefore(from) && originalStart.isBefore(to)
                    : occurrence.overlaps(from, to);
            if (inWindow) {
                out.add(occurrence);
            }
        }
    }
}
