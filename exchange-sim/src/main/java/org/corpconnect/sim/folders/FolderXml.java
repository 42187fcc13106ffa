package org.corpconnect.sim.folders;

import java.util.Map;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.items.ItemIds;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.ExchangeVersion;
import org.corpconnect.sim.soap.XmlWriter;

/**
 * Writes one folder as GetFolder and FindFolder return it: t:Folder, t:CalendarFolder,
 * t:ContactsFolder or t:TasksFolder, with the properties the shape asks for in schema order
 * (BaseFolderType, then the PermissionSet and, for t:Folder and t:TasksFolder, UnreadCount).
 */
final class FolderXml {
    private FolderXml() {
    }

    static void write(XmlWriter out, EwsCall call, FolderTarget target, FolderRights rights, FolderShape shape) {
        Mailbox mailbox = target.mailbox();
        WellKnownFolder folder = target.folder();
        out.start(folder.kind().element());
        out.start("t:FolderId").attr("Id", target.id()).attr("ChangeKey", ItemIds.folderChangeKey()).end();
        if (shape.has("folder:ParentFolderId")) {
            folder.parent().ifPresent(p -> out.start("t:ParentFolderId")
                    .attr("Id", ItemIds.folderId(mailbox.address(), p.distinguishedId()))
                    .attr("ChangeKey", ItemIds.folderChangeKey()).end());
        }
        if (shape.has("folder:FolderClass")) {
            folder.folderClass().ifPresent(c -> out.element("t:FolderClass", c));
        }
        if (shape.has("folder:DisplayName")) {
            out.element("t:DisplayName", folder.displayName());
        }
        if (shape.has("folder:TotalCount")) {
            out.element("t:TotalCount", totalCount(mailbox, folder));
        }
        if (shape.has("folder:ChildFolderCount")) {
            out.element("t:ChildFolderCount", folder.children().size());
        }
        if (shape.has("folder:EffectiveRights")) {
            out.start("t:EffectiveRights");
            out.element("t:CreateAssociated", rights.owner());
            out.element("t:CreateContents", rights.createContents());
            out.element("t:CreateHierarchy", rights.owner());
            out.element("t:Delete", rights.modifyAll());
            out.element("t:Modify", rights.modifyAll());
            out.element("t:Read", rights.read());
            if (call.version().atLeast(ExchangeVersion.Exchange2010)) { // in the 2010 schema and docs, not in 2007 SP1
                out.element("t:ViewPrivateItems", rights.viewPrivateItems());
            }
            out.end();
        }
        // Only the owner may read a folder's permissions; for anyone else Exchange leaves them out.
        if (shape.additional().contains("folder:PermissionSet") && rights.owner()) {
            if (folder.kind() == WellKnownFolder.Kind.CALENDAR) {
                writeCalendarPermissionSet(out, call, mailbox);
            } else {
                writePermissionSet(out);
            }
        }
        if ((folder.kind() == WellKnownFolder.Kind.FOLDER || folder.kind() == WellKnownFolder.Kind.TASKS)
                && shape.has("folder:UnreadCount")) {
            out.element("t:UnreadCount", folder == WellKnownFolder.INBOX ? mailbox.inbox().unreadCount() : 0);
        }
        out.end();
    }

    private static int totalCount(Mailbox mailbox, WellKnownFolder folder) {
        return switch (folder) {
            case CALENDAR -> mailbox.calendar().size();
            case INBOX -> mailbox.inbox().size();
            default -> 0;
        };
    }

    /** A mail folder's permissions: Default and Anonymous, both None (mail folder sharing is not modelled). */
    private static void writePermissionSet(XmlWriter w) {
        w.start("t:PermissionSet").start("t:Permissions");
        for (String user : new String[] {"Default", "Anonymous"}) {
            w.start("t:Permission");
            w.start("t:UserId").element("t:DistinguishedUser", user).end();
            w.element("t:CanCreateItems", false);
            w.element("t:CanCreateSubFolders", false);
            w.element("t:IsFolderOwner", false);
            w.element("t:IsFolderVisible", false);
            w.element("t:IsFolderContact", false);
            w.element("t:EditItems", "None");
            w.element("t:DeleteItems", "None");
            w.element("t:ReadItems", "None");
            w.element("t:PermissionLevel", "None");
            w.end();
        }
        w.end().end();
    }

    /** The calendar's permissions: Default, Anonymous (always listed after Default; None here), then each grant. */
    private static void writeCalendarPermissionSet(XmlWriter w, EwsCall call, Mailbox mailbox) {
        w.start("t:PermissionSet").start("t:CalendarPermissions");
        calendarPermission(w, null, "Default", mailbox.defaultAccess(), call);
        calendarPermission(w, null, "Anonymous", CalendarAccess.NONE, call);
        for (Map.Entry<MailboxAddress, CalendarAccess> grant : mailbox.grants().entrySet()) {
            calendarPermission(w, grant.getKey(), null, grant.getValue(), call);
        }
        w.end().end();
    }

    private static void calendarPermission(XmlWriter w, MailboxAddress user, String distinguished, CalendarAccess access,
                                           EwsCall call) {
        w.start("t:CalendarPermission");
        w.start("t:UserId");
        if (user != null) {
            w.element("t:PrimarySmtpAddress", user.value());
            call.directory().find(user).ifPresent(m -> w.element("t:DisplayName", m.displayName()));
        } else {
            w.element("t:DistinguishedUser", distinguished);
        }
        w.end();
        w.element("t:CanCreateItems", access.createsItems());
        w.element("t:CanCreateSubFolders", false);
        w.element("t:IsFolderOwner", false);
        w.element("t:IsFolderVisible", access.readsItems());
        w.element("t:IsFolderContact", false);
        w.element("t:EditItems", access.editsAllItems() ? "All" : access.createsItems() ? "Owned" : "None");
        w.element("t:DeleteItems", access.editsAllItems() ? "All" : access.createsItems() ? "Owned" : "None");
        w.element("t:ReadItems", switch (access) {
            case NONE -> "None";
            case FREE_BUSY_TIME_ONLY -> "TimeOnly";
            case FREE_BUSY_TIME_AND_SUBJECT_AND_LOCATION -> "TimeAndSubjectAndLocation";
            default -> "FullDetails";
        });
        w.element("t:CalendarPermissionLevel", access.ewsLevel());
        w.end();
    }
}
