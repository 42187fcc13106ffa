package org.corpconnect.sim.items;

import java.util.Optional;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.w3c.dom.Element;

/** Resolves a folder reference to the Inbox it names (DistinguishedFolderId "inbox", or our Inbox FolderId); else empty. */
final class InboxTarget {
    private InboxTarget() {
    }

    static Optional<Mailbox> resolve(EwsCall call, Element folderRef) {
        if ("DistinguishedFolderId".equals(folderRef.getLocalName())) {
            if (!"inbox".equals(folderRef.getAttribute("Id"))) {
                return Optional.empty();
            }
            String smtp = Dom.child(folderRef, "Mailbox").flatMap(m -> Dom.text(m, "EmailAddress"))
                    .orElse(call.acting().value());
            return Optional.of(call.targetMailbox(smtp));
        }
        Optional<MailboxAddress> owner = ItemIds.parseInboxFolder(folderRef.getAttribute("Id"));
        return owner.map(o -> call.targetMailbox(o.value()));
    }
}
