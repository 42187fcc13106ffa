package org.corpconnect.sim.folders;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The folders every simulated mailbox has: the hierarchy a new Exchange mailbox is created with
 * (distinguishedfolderid.md), each with its distinguished id, English display name, folder class and
 * the EWS element it is written as. Distinguished ids of the schema that are not listed here (public
 * folders, archive, OneDrive, Teams, Yammer, ...) do not exist in these mailboxes:
 * {@code ErrorFolderNotFound}, as Exchange answers for a mailbox without them.
 */
public enum WellKnownFolder {
    ROOT("root", "Root", null, Kind.FOLDER, null),
    MSG_FOLDER_ROOT("msgfolderroot", "Top of Information Store", "IPF.Note", Kind.FOLDER, ROOT),
    CALENDAR("calendar", "Calendar", "IPF.Appointment", Kind.CALENDAR, MSG_FOLDER_ROOT),
    CONTACTS("contacts", "Contacts", "IPF.Contact", Kind.CONTACTS, MSG_FOLDER_ROOT),
    CONVERSATION_HISTORY("conversationhistory", "Conversation History", "IPF.Note", Kind.FOLDER, MSG_FOLDER_ROOT),
    DELETED_ITEMS("deleteditems", "Deleted Items", "IPF.Note", Kind.FOLDER, MSG_FOLDER_ROOT),
    DRAFTS("drafts", "Drafts", "IPF.Note", Kind.FOLDER, MSG_FOLDER_ROOT),
    INBOX("inbox", "Inbox", "IPF.Note", Kind.FOLDER, MSG_FOLDER_ROOT),
    JOURNAL("journal", "Journal", "IPF.Journal", Kind.FOLDER, MSG_FOLDER_ROOT),
    JUNK_EMAIL("junkemail", "Junk Email", "IPF.Note", Kind.FOLDER, MSG_FOLDER_ROOT),
    NOTES("notes", "Notes", "IPF.StickyNote", Kind.FOLDER, MSG_FOLDER_ROOT),
    OUTBOX("outbox", "Outbox", "IPF.Note", Kind.FOLDER, MSG_FOLDER_ROOT),
    SENT_ITEMS("sentitems", "Sent Items", "IPF.Note", Kind.FOLDER, MSG_FOLDER_ROOT),
    TASKS("tasks", "Tasks", "IPF.Task", Kind.TASKS, MSG_FOLDER_ROOT),
    SYNC_ISSUES("syncissues", "Sync Issues", "IPF.Note", Kind.FOLDER, MSG_FOLDER_ROOT),
    CONFLICTS("conflicts", "Conflicts", "IPF.Note", Kind.FOLDER, SYNC_ISSUES),
    LOCAL_FAILURES("localfailures", "Local Failures", "IPF.Note", Kind.FOLDER, SYNC_ISSUES),
    SERVER_FAILURES("serverfailures", "Server Failures", "IPF.Note", Kind.FOLDER, SYNC_ISSUES),
    SEARCH_FOLDERS("searchfolders", "Finder", null, Kind.FOLDER, ROOT),
    RECOVERABLE_ITEMS_ROOT("recoverableitemsroot", "Recoverable Items", null, Kind.FOLDER, ROOT),
    RECOVERABLE_ITEMS_DELETIONS("recoverableitemsdeletions", "Deletions", null, Kind.FOLDER, RECOVERABLE_ITEMS_ROOT),
    RECOVERABLE_ITEMS_VERSIONS("recoverableitemsversions", "Versions", null, Kind.FOLDER, RECOVERABLE_ITEMS_ROOT),
    RECOVERABLE_ITEMS_PURGES("recoverableitemspurges", "Purges", null, Kind.FOLDER, RECOVERABLE_ITEMS_ROOT);

    /** The EWS element a folder is written as (t:Folder, t:CalendarFolder, ...). */
    public enum Kind {
        FOLDER("t:Folder"), CALENDAR("t:CalendarFolder"), CONTACTS("t:ContactsFolder"), TASKS("t:TasksFolder");

        private final String element;

        Kind(String element) {
            this.element = element;
        }

        public String element() {
            return element;
        }
    }

    private final String distinguishedId;
    private final String displayName;
    private final String folderClass;
    private final Kind kind;
    private final WellKnownFolder parent;

    WellKnownFolder(String distinguishedId, String displayName, String folderClass, Kind kind, WellKnownFolder parent) {
        this.distinguishedId = distinguishedId;
        this.displayName = displayName;
        this.folderClass = folderClass;
        this.kind = kind;
        this.parent = parent;
    }

    public static Optional<WellKnownFolder> byDistinguishedId(String id) {
        return Arrays.stream(values()).filter(f -> f.distinguishedId.equals(id)).findFirst();
    }

    public String distinguishedId() {
        return distinguishedId;
    }

    public String displayName() {
        return displayName;
    }

    public Optional<String> folderClass() {
        return Optional.ofNullable(folderClass);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<WellKnownFolder> parent() {
        return Optional.ofNullable(parent);
    }

    public List<WellKnownFolder> children() {
        return Arrays.stream(values()).filter(f -> f.parent == this).toList();
    }

    /** Every folder below this one, depth first, as a Deep traversal lists them. */
    public List<WellKnownFolder> descendants() {
        List<WellKnownFolder> out = new java.util.ArrayList<>();
        for (WellKnownFolder child : children()) {
            out.add(child);
            out.addAll(child.descendants());
        }
        return out;
    }
}
