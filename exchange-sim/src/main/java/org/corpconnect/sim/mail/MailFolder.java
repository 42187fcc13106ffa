package org.corpconnect.sim.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.corpconnect.sim.calendar.CalendarFolder;
import org.corpconnect.sim.directory.MailboxAddress;

/**
 * The Inbox of one mailbox. Mail arrives through {@link #deliver} (there is no transport: tests and
 * data sets deliver it), is marked read or changed through {@link #markRead} and {@link #update},
 * and is removed through {@link #delete}. Like {@link CalendarFolder} it keeps a folder-wide change
 * sequence, so SyncFolderItems reports Create, Update, ReadFlagChange and Delete changes since a
 * sync state, and subscriptions report the matching events.
 */
public final class MailFolder {
    private final MailboxAddress owner;
    private final Map<String, MailMessage> messages = new LinkedHashMap<>();
    private long sequence;
    private final Map<String, Long> createdAt = new HashMap<>();
    private final Map<String, Long> changedAt = new HashMap<>();
    private final Map<String, Long> readChangedAt = new HashMap<>();
    private final Map<String, Long> deletedAt = new HashMap<>();
    private final Map<String, MailMessage> tombstones = new HashMap<>();
    private final Clock clock;

    public MailFolder(MailboxAddress owner) {
        this(owner, Clock.systemUTC());
    }

    public MailFolder(MailboxAddress owner, Clock clock) {
        this.owner = owner;
        this.clock = clock;
    }

    public MailboxAddress owner() {
        return owner;
    }

    /** A new message arrives; missing times default to now. Returns a copy of what was stored. */
    public synchronized MailMessage deliver(MailMessage message) {
        Instant now = clock.instant();
        if (message.received() == null) {
            message.received(now);
        }
        if (message.sent() == null) {
            message.sent(message.received());
        }
        if (message.created() == null) {
            message.created(message.received());
        }
        if (message.lastModified() == null) {
            message.lastModified(message.received());
        }
        if (message.internetMessageId() == null) {
            message.internetMessageId("<" + message.id() + "@" + owner.domain() + ">");
        }
        messages.put(message.id(), message);
        sequence++;
        createdAt.put(message.id(), sequence);
        return message.copy();
    }

    /** Marks a message read or unread: a ReadFlagChange for SyncFolderItems. False if there is no such message. */
    public synchronized boolean markRead(String id, boolean read) {
        MailMessage m = messages.get(id);
        if (m == null) {
            return false;
        }
        m.read(read);
        m.touch(clock.instant());
        readChangedAt.put(id, ++sequence);
        return true;
    }

    /** Changes other properties of a message: an Update for SyncFolderItems. */
    public synchronized Optional<MailMessage> update(String id, Consumer<MailMessage> change) {
        MailMessage m = messages.get(id);
        if (m == null) {
            return Optional.empty();
        }
        change.accept(m);
        m.touch(clock.instant());
        changedAt.put(id, ++sequence);
        return Optional.of(m.copy());
    }

    public synchronized boolean delete(String id) {
        MailMessage removed = messages.remove(id);
        if (removed == null) {
            return false;
        }
        tombstones.put(id, removed);
        deletedAt.put(id, ++sequence);
        changedAt.remove(id);
        readChangedAt.remove(id);
        return true;
    }

    public synchronized Optional<MailMessage> find(String id) {
        MailMessage m = messages.get(id);
        return Optional.ofNullable(m == null ? null : m.copy());
    }

    /** Newest first, as an Inbox is shown. */
    public synchronized List<MailMessage> messages() {
        List<MailMessage> out = new ArrayList<>(messages.values().stream().map(MailMessage::copy).toList());
        out.sort(Comparator.comparing(MailMessage::received, Comparator.reverseOrder()));
        return out;
    }

    public synchronized int size() {
        return messages.size();
    }

    public synchronized int unreadCount() {
        return (int) messages.values().stream().filter(m -> !m.read()).count();
    }

    public synchronized long sequence() {
        return sequence;
    }

    /** One change: a created or updated message (its current state), a read flag change, or a deletion (the message as it was last). */
    public record Change(Kind kind, String itemId, MailMessage message, long sequence) {
        public enum Kind { Create, Update, ReadFlagChange, Delete }
    }

    /**
     * The changes after {@code since}, oldest first. A message created since is one Create (in its
     * current state); one changed since is an Update, or a ReadFlagChange if only its read flag
     * changed; one created and deleted since is nothing.
     */
    public synchronized List<Change> changesSince(long since) {
        List<Change> out = new ArrayList<>();
        messages.forEach((id, m) -> {
            long created = createdAt.getOrDefault(id, 0L);
            long changed = changedAt.getOrDefault(id, 0L);
            long readChanged = readChangedAt.getOrDefault(id, 0L);
            long last = Math.max(created, Math.max(changed, readChanged));
            if (created > since) {
                out.add(new Change(Change.Kind.Create, id, m.copy(), last));
            } else if (changed > since) {
                out.add(new Change(Change.Kind.Update, id, m.copy(), last));
            } else if (readChanged > since) {
                out.add(new Change(Change.Kind.ReadFlagChange, id, m.copy(), last));
            }
        });
        deletedAt.forEach((id, seq) -> {
            if (seq > since && createdAt.getOrDefault(id, 0L) <= since) {
                out.add(new Change(Change.Kind.Delete, id, tombstones.get(id).copy(), seq));
            }
        });
        out.sort(Comparator.comparingLong(Change::sequence));
        return out;
    }

    /** A new message id, unique in the process like calendar item ids. */
    public static String newMessageId() {
        return "msg-" + CalendarFolder.newItemId();
    }
}
