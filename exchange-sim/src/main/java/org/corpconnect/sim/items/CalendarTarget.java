package org.corpconnect.sim.items;

import java.util.Optional;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.ResponseError;
import org.w3c.dom.Element;

/**
 * Resolves a folder reference (t:DistinguishedFolderId with optional t:Mailbox, or t:FolderId) to
 * the calendar it names. Only calendars exist in the simulator; another well-known folder resolves
 * to empty, which operations treat as an empty folder.
 */
final class CalendarTarget {
    private CalendarTarget() {
    }

    static Optional<Mailbox> resolve(EwsCall call, Element folderRef) {
        if ("DistinguishedFolderId".equals(folderRef.getLocalName())) {
            String smtp = Dom.child(folderRef, "Mailbox").flatMap(m -> Dom.text(m, "EmailAddress"))
                    .orElse(call.acting().value());
            Mailbox mailbox = call.targetMailbox(smtp);
            return "calendar".equals(folderRef.getAttribute("Id")) ? Optional.of(mailbox) : Optional.empty();
        }
        MailboxAddress owner = ItemIds.parseCalendarFolder(folderRef.getAttribute("Id"))
                .orElseThrow(() -> new ResponseError("ErrorInvalidIdMalformed", "Id is malformed."));
        return Optional.of(call.targetMailbox(owner.value()));
    }
}
