package org.corpconnect.sim.items;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.directory.MailboxAddress;

/**
 * EWS ids are opaque base64 strings to clients; ours carry the mailbox, so that an id alone finds
 * its item (as Exchange's store ids do), and, for an occurrence, the original start within its series.
 */
public final class ItemIds {
    private static final String ITEM = "I";
    private static final String FOLDER = "F";

    private ItemIds() {
    }

    /** A decoded item id: the mailbox, the item, and for an occurrence its original start. */
    public record ItemRef(MailboxAddress mailbox, String itemId, Instant occurrenceStart) {
        public boolean isOccurrence() {
            return occurrenceStart != null;
        }
    }

    public static String itemId(MailboxAddress mailbox, String itemId) {
        return encode(ITEM + "|" + mailbox.value() + "|" + itemId);
    }

    public static String occurrenceId(MailboxAddress mailbox, String itemId, Instant originalStart) {
        return encode(ITEM + "|" + mailbox.value() + "|" + itemId + "|" + originalStart.getEpochSecond());
    }

    public static String idOf(MailboxAddress mailbox, Occurrence o) {
        return o.isRecurring() ? occurrenceId(mailbox, o.item().id(), o.originalStart()) : itemId(mailbox, o.item().id());
    }

    /** CalendarEventDetails/ID: Exchange gives the hex entry id of the item; ours is the item id. */
    public static String availabilityId(MailboxAddress mailbox, Occurrence o) {
        return idOf(mailbox, o);
    }

    public static Optional<ItemRef> parseItem(String id) {
        String[] parts = decode(id);
        if (parts.length < 3 || !ITEM.equals(parts[0])) {
            return Optional.empty();
        }
        Instant occurrence = null;
        if (parts.length == 4) {
            try {
                occurrence = Instant.ofEpochSecond(Long.parseLong(parts[3]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new ItemRef(MailboxAddress.of(parts[1]), parts[2], occurrence));
    }

    /** A decoded folder id: the mailbox and the folder's distinguished name. */
    public record FolderRef(MailboxAddress mailbox, String folder) {
    }

    /** The id of one of a mailbox's folders, named by its distinguished id (all folders of a simulated mailbox have one). */
    public static String folderId(MailboxAddress mailbox, String distinguishedId) {
        return encode(FOLDER + "|" + mailbox.value() + "|" + distinguishedId);
    }

    public static Optional<FolderRef> parseFolder(String id) {
        String[] parts = decode(id);
        if (parts.length == 3 && FOLDER.equals(parts[0])) {
            return Optional.of(new FolderRef(MailboxAddress.of(parts[1]), parts[2]));
        }
        return Optional.empty();
    }

    public static String calendarFolderId(MailboxAddress mailbox) {
        return folderId(mailbox, "calendar");
    }

    public static Optional<MailboxAddress> parseCalendarFolder(String id) {
        String[] parts = decode(id);
        if (parts.length == 3 && FOLDER.equals(parts[0]) && "calendar".equals(parts[2])) {
            return Optional.of(MailboxAddress.of(parts[1]));
        }
        return Optional.empty();
    }

    public static String inboxFolderId(MailboxAddress mailbox) {
        return encode(FOLDER + "|" + mailbox.value() + "|inbox");
    }

    /** The Top of Information Store (msgfolderroot): the Inbox's parent folder. */
    public static String rootFolderId(MailboxAddress mailbox) {
        return encode(FOLDER + "|" + mailbox.value() + "|msgfolderroot");
    }

    public static Optional<MailboxAddress> parseInboxFolder(String id) {
        String[] parts = decode(id);
        if (parts.length == 3 && FOLDER.equals(parts[0]) && "inbox".equals(parts[2])) {
            return Optional.of(MailboxAddress.of(parts[1]));
        }
        return Optional.empty();
    }

    /** A message's ChangeKey: changes with every modification of the message. */
    public static String messageChangeKey(org.corpconnect.sim.mail.MailMessage m) {
        return encode("MCK|" + m.version());
    }

    /** The ConversationId Exchange derives from the conversation topic; ours is its stable encoding. */
    public static String conversationId(MailboxAddress mailbox, String topic) {
        return encode("C|" + mailbox.value() + "|" + Integer.toHexString(topic.toLowerCase(java.util.Locale.ROOT).hashCode()));
    }

    public static String folderChangeKey() {
        return encode("FCK1");
    }

    private static String encode(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String id) {
        try {
            return new String(Base64.getDecoder().decode(id), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException e) {
            return new String[0];
        }
    }
}
