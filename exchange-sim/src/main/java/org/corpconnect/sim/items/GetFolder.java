package org.corpconnect.sim.items;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.ExchangeVersion;
import org.corpconnect.sim.soap.ResponseError;
import org.corpconnect.sim.soap.ResponseMessages;
import org.corpconnect.sim.soap.SoapRequest;
import org.corpconnect.sim.soap.XmlWriter;
import org.w3c.dom.Element;

/**
 * GetFolder (getfolder-operation.md) on the Inbox (its owner only) and on calendars, the usual probe of delegate access: the folder is
 * visible from Reviewer up (free/busy levels do not include FolderVisible, so they get
 * ErrorAccessDenied), and EffectiveRights tell what the caller may do. The PermissionSet (Default,
 * Anonymous, then each grant) is shown to the owner only, and only when asked for by
 * AdditionalProperties: AllProperties does not include it from Exchange 2013 on.
 */
public final class GetFolder implements EwsOperation {
    @Override
    public void execute(EwsCall call, XmlWriter w) {
        Element request = call.body();
        Element shape = Dom.child(request, "FolderShape").orElseThrow();
        String base = Dom.text(shape, "BaseShape").orElse("Default");
        Set<String> additional = Dom.child(shape, "AdditionalProperties")
                .map(a -> SoapRequest.children(a).stream().map(p -> p.getAttribute("FieldURI")).collect(Collectors.toSet()))
                .orElse(Set.of());
        call.log().requestedProperty("BaseShape:" + base);
        additional.forEach(call.log()::requestedProperty);
        List<Element> folders = SoapRequest.children(Dom.child(request, "FolderIds").orElseThrow());
        ResponseMessages.write(call, w, "m:GetFolderResponse", "m:GetFolderResponseMessage", "m:Folders", folders, (ref, out) -> {
            java.util.Optional<Mailbox> inbox = InboxTarget.resolve(call, ref);
            if (inbox.isPresent()) {
                writeInbox(out, call, inbox.get(), base, additional);
                return;
            }
            Mailbox mailbox = CalendarTarget.resolve(call, ref).orElseThrow(() -> new ResponseError(
                    "ErrorFolderNotFound", "The specified folder could not be found in the store."));
            CalendarAccess access = call.accessTo(mailbox);
            if (!access.readsItems()) {
                throw ResponseError.accessDenied();
            }
            boolean all = "AllProperties".equals(base);
            boolean idOnly = "IdOnly".equals(base);
            out.start("m:Folders").start("t:CalendarFolder");
            out.start("t:FolderId").attr("Id", ItemIds.calendarFolderId(mailbox.address()))
                    .attr("ChangeKey", ItemIds.folderChangeKey()).end();
            if (all || additional.contains("folder:FolderClass")) {
                out.element("t:FolderClass", "IPF.Appointment");
            }
            if (!idOnly || additional.contains("folder:DisplayName")) {
                out.element("t:DisplayName", "Calendar");
            }
            if (!idOnly || additional.contains("folder:TotalCount")) {
                out.element("t:TotalCount", mailbox.calendar().size());
            }
            if (!idOnly || additional.contains("folder:ChildFolderCount")) {
                out.element("t:ChildFolderCount", 0);
            }
            if (all || additional.contains("folder:EffectiveRights")) {
                out.start("t:EffectiveRights");
                out.element("t:CreateAssociated", access == CalendarAccess.OWNER);
                out.element("t:CreateContents", access.createsItems());
                out.element("t:CreateHierarchy", access == CalendarAccess.OWNER);
                out.element("t:Delete", access.editsAllItems());
                out.element("t:Modify", access.editsAllItems());
                out.element("t:Read", access.readsItems());
                if (call.version().atLeast(ExchangeVersion.Exchange2010)) { // ViewPrivateItems: in the 2010 schema and docs, not in 2007 SP1
                    out.element("t:ViewPrivateItems", access.seesPrivateItems());
                }
                out.end();
            }
            // permissionset-calendarpermissionsettype.md: from Exchange 2013 (and in Exchange Online), the
            // PermissionSet is not part of AllProperties; it must be asked for by AdditionalProperties.
            if (additional.contains("folder:PermissionSet") && access == CalendarAccess.OWNER) {
                writePermissionSet(out, call, mailbox);
            }
            out.end().end();
        });
    }

    /** The Inbox as t:Folder (IPF.Note) under the Top of Information Store; its owner only. */
    private static void writeInbox(XmlWriter out, EwsCall call, Mailbox mailbox, String base, Set<String> additional) {
        if (!mailbox.address().equals(call.acting())) {
            throw ResponseError.accessDenied();
        }
        boolean all = "AllProperties".equals(base);
        boolean idOnly = "IdOnly".equals(base);
        out.start("m:Folders").start("t:Folder");
        out.start("t:FolderId").attr("Id", ItemIds.inboxFolderId(mailbox.address())).attr("ChangeKey", ItemIds.folderChangeKey()).end();
        if (all || additional.contains("folder:ParentFolderId")) {
            out.start("t:ParentFolderId").attr("Id", ItemIds.rootFolderId(mailbox.address()))
                    .attr("ChangeKey", ItemIds.folderChangeKey()).end();
        }
        if (all || additional.contains("folder:FolderClass")) {
            out.element("t:FolderClass", "IPF.Note");
        }
        if (!idOnly || additional.contains("folder:DisplayName")) {
            out.element("t:DisplayName", "Inbox");
        }
        if (!idOnly || additional.contains("folder:TotalCount")) {
            out.element("t:TotalCount", mailbox.inbox().size());
        }
        if (!idOnly || additional.contains("folder:ChildFolderCount")) {
            out.element("t:ChildFolderCount", 0);
        }
        if (all || additional.contains("folder:EffectiveRights")) {
            out.start("t:EffectiveRights");
            out.element("t:CreateAssociated", true);
            out.element("t:CreateContents", true);
            out.element("t:CreateHierarchy", true);
            out.element("t:Delete", true);
            out.element("t:Modify", true);
            out.element("t:Read", true);
            if (call.version().atLeast(ExchangeVersion.Exchange2010)) {
                out.element("t:ViewPrivateItems", true);
            }
            out.end();
        }
        if (!idOnly || additional.contains("folder:UnreadCount")) {
            out.element("t:UnreadCount", mailbox.inbox().unreadCount());
        }
        out.end().end();
    }

    private static void writePermissionSet(XmlWriter w, EwsCall call, Mailbox mailbox) {
        w.start("t:PermissionSet").start("t:CalendarPermissions");
        permission(w, null, "Default", mailbox.defaultAccess(), call);
        // Exchange always lists Anonymous after Default; the simulator gives anonymous users nothing.
        permission(w, null, "Anonymous", CalendarAccess.NONE, call);
        for (Map.Entry<MailboxAddress, CalendarAccess> grant : mailbox.grants().entrySet()) {
            permission(w, grant.getKey(), null, grant.getValue(), call);
        }
        w.end().end();
    }

    private static void permission(XmlWriter w, MailboxAddress user, String distinguished, CalendarAccess access, EwsCall call) {
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
