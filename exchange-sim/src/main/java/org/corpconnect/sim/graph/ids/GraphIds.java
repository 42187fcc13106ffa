package org.corpconnect.sim.graph.ids;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.items.ItemIds;

/** REST and immutable REST ids of calendar items, and their translation to and from EWS ids. */
public final class GraphIds {
    // Exchange Online's REST ids of items start with AAMkA, immutable ones with AAkAL: kept for the look.
    private static final String REST_PREFIX = "AAMkA";
    private static final String IMMUTABLE_PREFIX = "AAkAL";
    private static final String REST_TAG = "R";
    private static final String IMMUTABLE_TAG = "M";

    private GraphIds() {
    }

    public static String restId(MailboxAddress mailbox, Occurrence o) {
        return restId(new ItemIds.ItemRef(mailbox, o.item().id(), o.isRecurring() ? o.originalStart() : null));
    }

    /** The id of an event as Graph writes it: REST, or immutable when the client prefers it. */
    public static String graphId(ItemIds.ItemRef ref, boolean immutable) {
        return immutable ? restImmutableId(ref) : restId(ref);
    }

    public static ItemIds.ItemRef ref(MailboxAddress mailbox, Occurrence o) {
        return new ItemIds.ItemRef(mailbox, o.item().id(), o.isRecurring() ? o.originalStart() : null);
    }

    public static String restId(ItemIds.ItemRef ref) {
        return REST_PREFIX + encode(REST_TAG, ref);
    }

    public static String restImmutableId(ItemIds.ItemRef ref) {
        return IMMUTABLE_PREFIX + encode(IMMUTABLE_TAG, ref);
    }

    public static String ewsId(ItemIds.ItemRef ref) {
        return ref.isOccurrence() ? ItemIds.occurrenceId(ref.mailbox(), ref.itemId(), ref.occurrenceStart())
                : ItemIds.itemId(ref.mailbox(), ref.itemId());
    }

    /** A REST id (or an immutable REST id, which Graph also accepts in URLs). */
    public static Optional<ItemIds.ItemRef> parseRest(String id) {
        if (id.startsWith(REST_PREFIX)) {
            return decode(REST_TAG, id.substring(REST_PREFIX.length()));
        }
        return parseImmutable(id);
    }

    public static Optional<ItemIds.ItemRef> parseImmutable(String id) {
        return id.startsWith(IMMUTABLE_PREFIX) ? decode(IMMUTABLE_TAG, id.substring(IMMUTABLE_PREFIX.length())) : Optional.empty();
    }

    public static Optional<ItemIds.ItemRef> parseEws(String id) {
        return ItemIds.parseItem(id);
    }

    private static String encode(String tag, ItemIds.ItemRef ref) {
        String s = tag + "|" + ref.mailbox().value() + "|" + ref.itemId()
                + (ref.isOccurrence() ? "|" + ref.occurrenceStart().getEpochSecond() : "");
        return Base64.getUrlEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<ItemIds.ItemRef> decode(String tag, String encoded) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (parts.length < 3 || parts.length > 4 || !tag.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            Instant occurrence = parts.length == 4 ? Instant.ofEpochSecond(Long.parseLong(parts[3])) : null;
            return Optional.of(new ItemIds.ItemRef(MailboxAddress.of(parts[1]), parts[2], occurrence));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
