package org.corpconnect.sim.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.corpconnect.sim.directory.MailboxAddress;

/**
 * The live subscriptions. A subscription watches folders (calendars and Inboxes, by owner) for some
 * event types and keeps where its reader stands in each folder's change sequence. Exchange Online allows 20 subscriptions
 * per account; the 21st is ErrorExceededSubscriptionCount. An impersonating caller's subscriptions count
 * against the impersonated mailbox (the account it acts as), as Exchange's throttling budgets do.
 */
public final class Subscriptions {
    public static final int MAX_PER_ACCOUNT = 20;

    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();

    /** A watched folder: a mailbox's calendar, or its Inbox. */
    public record Folder(MailboxAddress mailbox, boolean inbox) {
        static Folder calendar(MailboxAddress m) {
            return new Folder(m, false);
        }

        static Folder inbox(MailboxAddress m) {
            return new Folder(m, true);
        }
    }

    /** One subscription: pull subscriptions expire when not polled within their timeout. */
    public static final class Subscription {
        final String id;
        final String account;
        /** The account whose budget it counts against: the impersonated mailbox, else the caller. */
        final String chargedTo;
        final boolean streaming;
        final List<Folder> folders;
        final Set<String> eventTypes;
        final Duration timeout;
        volatile Instant lastPoll;
        volatile Map<Folder, Long> position;

        Subscription(String id, String account, String chargedTo, boolean streaming, List<Folder> folders,
                     Set<String> eventTypes, Duration timeout, Instant now, Map<Folder, Long> position) {
            this.id = id;
            this.account = account;
            this.chargedTo = chargedTo;
            this.streaming = streaming;
            this.folders = List.copyOf(folders);
            this.eventTypes = Set.copyOf(eventTypes);
            this.timeout = timeout;
            this.lastPoll = now;
            this.position = new LinkedHashMap<>(position);
        }

        public String id() {
            return id;
        }

        public List<Folder> folders() {
            return folders;
        }

        boolean expired(Instant now) {
            return timeout != null && now.isAfter(lastPoll.plus(timeout));
        }
    }

    synchronized Subscription create(String account, String chargedTo, boolean streaming, List<Folder> folders,
                                     Set<String> eventTypes, Duration timeout, Instant now,
                                     Map<Folder, Long> position) {
        long mine = byId.values().stream().filter(s -> s.chargedTo.equals(chargedTo) && !s.expired(now)).count();
        if (mine >= MAX_PER_ACCOUNT) {
            return null;
        }
        String id = Base64.getEncoder().encodeToString(("SUB|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        Subscription s = new Subscription(id, account, chargedTo, streaming, folders, eventTypes, timeout, now, position);
        byId.put(id, s);
        return s;
    }

    Optional<Subscription> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    boolean remove(String id) {
        return byId.remove(id) != null;
    }

    public List<Subscription> all() {
        return new ArrayList<>(byId.values());
    }

    /** Removes every streaming subscription, as Exchange forgets them (a fault of the control API); how many. */
    public int expireStreaming() {
        List<String> ids = byId.values().stream().filter(s -> s.streaming).map(s -> s.id).toList();
        ids.forEach(byId::remove);
        return ids.size();
    }

    public void clear() {
        byId.clear();
    }

    static String watermark(Map<Folder, Long> position) {
        StringBuilder sb = new StringBuilder("WM1");
        position.forEach((f, seq) -> sb.append('|').append(f.inbox() ? "inbox:" : "").append(f.mailbox().value())
                .append('=').append(seq));
        return Base64.getEncoder().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Map<Folder, Long>> parseWatermark(String watermark) {
        try {
            String[] parts = new String(Base64.getDecoder().decode(watermark), StandardCharsets.UTF_8).split("\\|");
            if (!"WM1".equals(parts[0])) {
                return Optional.empty();
            }
            Map<Folder, Long> out = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].lastIndexOf('=');
                String folder = parts[i].substring(0, eq);
                out.put(folder.startsWith("inbox:") ? Folder.inbox(MailboxAddress.of(folder.substring(6)))
                        : Folder.calendar(MailboxAddress.of(folder)), Long.parseLong(parts[i].substring(eq + 1)));
            }
            return Optional.of(out);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
