package org.corpconnect.sim.items;

import java.util.Optional;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.ResponseError;
import org.w3c.dom.Element;

/**
 * Resolves a folder reference (t:DistinguishedFolderId with optional t:Mailbox, or t:FolderId) to
 * the calendar it names. Calendar items live only in calendars; another folder (by distinguished id
 * or by the id FindFolder gave) resolves to empty, which operations treat as an empty folder.
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
        ItemIds.FolderRef folder = ItemIds.parseFolder(folderRef.getAttribute("Id"))
                .orElseThrow(() -> new ResponseError("ErrorInvalidIdMalformed", "Id is malformed."));
        Mailbox mailbox = call.targetMailbox(folder.mailbox().value());
        return "calendar".equals(folder.folder()) ? Optional.of(mailbox) : Optional.empty();
    }
}
