package org.corpconnect.sim.items;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.corpconnect.sim.calendar.CalendarFolder;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.mail.MailFolder;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.ResponseError;
import org.corpconnect.sim.soap.ResponseMessages;
import org.corpconnect.sim.soap.SoapRequest;
import org.corpconnect.sim.soap.XmlWriter;
import org.w3c.dom.Element;

/**
 * SyncFolderItems (syncfolderitems-operation.md) on the Inbox (Create, Update, ReadFlagChange and
 * Delete of messages) or on a calendar: Create, Update and Delete changes
 * since the given SyncState (none: everything), at most MaxChangesReturned (1-512, the schema
 * enforces it). Recurring series come back as masters, never as occurrences, as in Exchange. The
 * state is opaque to clients; ours names the mailbox and the folder's change sequence. Reading needs
 * Reviewer or better; reading an Inbox needs to be (or impersonate) its owner. Other folders have
 * nothing to synchronise in the simulator.
 */
public final class SyncFolderItems implements EwsOperation {
    @Override
    public void execute(EwsCall call, XmlWriter w) {
        Element request = call.body();
        ItemShape shape = ItemShape.parse(Dom.child(request, "ItemShape").orElseThrow(), call);
        Element folder = SoapRequest.children(Dom.child(request, "SyncFolderId").orElseThrow()).get(0);
        Optional<String> state = Dom.text(request, "SyncState").filter(s -> !s.isEmpty());
        int max = Integer.parseInt(Dom.text(request, "MaxChangesReturned").orElse("512"));
        call.log().requestedView("SyncFolderItems");
        ResponseMessages.write(call, w, "m:SyncFolderItemsResponse", "m:SyncFolderItemsResponseMessage",
                List.of(folder), (f, out) -> {
                    Optional<Mailbox> inbox = InboxTarget.resolve(call, f);
                    if (inbox.isPresent()) {
                        syncInbox(call, inbox.get(), shape, state, max, out);
                        return;
                    }
                    Optional<Mailbox> target = CalendarTarget.resolve(call, f);
                    if (target.isEmpty()) {
                        out.element("m:SyncState", encode(call.acting().value(), 0));
                        out.element("m:IncludesLastItemInRange", true);
                        out.empty("m:Changes");
                        return;
                    }
                    Mailbox mailbox = target.get();
                    CalendarAccess access = call.accessTo(mailbox);
                    if (!access.readsItems()) {
                        throw ResponseError.accessDenied();
                    }
                    long since = state.map(s -> decode(s, mailbox)).orElse(0L);
                    List<CalendarFolder.Change> changes = mailbox.calendar().changesSince(since);
                    List<CalendarFolder.Change> page = changes.subList(0, Math.min(max, changes.size()));
                    long newState = page.size() == changes.size() ? Math.max(since, mailbox.calendar().sequence())
                            : page.get(page.size() - 1).sequence();
                    out.element("m:SyncState", encode(mailbox.address().value(), newState));
                    out.element("m:IncludesLastItemInRange", page.size() == changes.size());
                    out.start("m:Changes");
                    for (CalendarFolder.Change c : page) {
                        out.start("t:" + c.kind().name());
                        if (c.kind() == CalendarFolder.Change.Kind.Delete) {
                            out.start("t:ItemId").attr("Id", ItemIds.itemId(mailbox.address(), c.itemId())).end();
                        } else {
                            CalendarItemXml.write(out, call, mailbox, Occurrence.single(c.item()), shape, access);
                        }
                        out.end();
                    }
                    out.end();
                });
    }

    /** The Inbox: Create, Update, ReadFlagChange and Delete since the state; only its owner may read it. */
    private static void syncInbox(EwsCall call, Mailbox mailbox, ItemShape shape, Optional<String> state, int max,
                                  XmlWriter out) {
        if (!mailbox.address().equals(call.acting())) {
            throw ResponseError.accessDenied();
        }
        String key = mailbox.address().value() + "#inbox";
        long since = state.map(s -> decode(s, key)).orElse(0L);
        MailFolder inbox = mailbox.inbox();
        long now = inbox.sequence();
        List<MailFolder.Change> changes = inbox.changesSince(since);
        List<MailFolder.Change> page = changes.subList(0, Math.min(max, changes.size()));
        long newState = page.size() == changes.size() ? Math.max(since, now) : page.get(page.size() - 1).sequence();
        out.element("m:SyncState", encode(key, newState));
        out.element("m:IncludesLastItemInRange", page.size() == changes.size());
        out.start("m:Changes");
        for (MailFolder.Change c : page) {
            out.start("t:" + c.kind().name());
            switch (c.kind()) {
                case ReadFlagChange, Delete -> {
                    out.start("t:ItemId").attr("Id", ItemIds.itemId(mailbox.address(), c.itemId()))
                            .attr("ChangeKey", ItemIds.messageChangeKey(c.message())).end();
                    if (c.kind() == MailFolder.Change.Kind.ReadFlagChange) {
                        out.element("t:IsRead", c.message().read());
                    }
                }
                default -> MessageXml.write(out, call, mailbox, c.message(), shape);
            }
            out.end();
        }
        out.end();
    }

    private static String encode(String mailbox, long sequence) {
        return Base64.getEncoder().encodeToString(("SIM1|" + mailbox + "|" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String state, Mailbox mailbox) {
        return decode(state, mailbox.address().value());
    }

    private static long decode(String state, String folderKey) {
        try {
            String[] parts = new String(Base64.getDecoder().decode(state), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 3 && "SIM1".equals(parts[0]) && folderKey.equals(parts[1])) {
                return Long.parseLong(parts[2]);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below, as for any state this folder never issued
        }
        throw new ResponseError("ErrorInvalidSyncStateData", "Synchronization state data is corrupt or otherwise invalid.");
    }
}
