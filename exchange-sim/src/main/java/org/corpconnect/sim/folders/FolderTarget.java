package org.corpconnect.sim.folders;

import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.items.ItemIds;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.ResponseError;
import org.w3c.dom.Element;

/**
 * A folder named in a request (t:DistinguishedFolderId with an optional t:Mailbox, or a t:FolderId
 * this server gave out), resolved to its mailbox and folder. An unknown mailbox is
 * ErrorNonExistentMailbox, a distinguished folder the mailbox does not have ErrorFolderNotFound, an
 * id that is not one of ours ErrorInvalidIdMalformed.
 */
record FolderTarget(Mailbox mailbox, WellKnownFolder folder) {

    static FolderTarget resolve(EwsCall call, Element folderRef) {
        if ("DistinguishedFolderId".equals(folderRef.getLocalName())) {
            String smtp = Dom.child(folderRef, "Mailbox").flatMap(m -> Dom.text(m, "EmailAddress"))
                    .orElse(call.acting().value());
            Mailbox mailbox = call.targetMailbox(smtp);
            return new FolderTarget(mailbox, WellKnownFolder.byDistinguishedId(folderRef.getAttribute("Id"))
                    .orElseThrow(FolderTarget::folderNotFound));
        }
        if (!"FolderId".equals(folderRef.getLocalName())) {
            throw folderNotFound(); // an AddressListId or another id kind: no such folder in a mailbox
        }
        ItemIds.FolderRef ref = ItemIds.parseFolder(folderRef.getAttribute("Id"))
                .orElseThrow(() -> new ResponseError("ErrorInvalidIdMalformed", "Id is malformed."));
        Mailbox mailbox = call.targetMailbox(ref.mailbox().value());
        return new FolderTarget(mailbox, WellKnownFolder.byDistinguishedId(ref.folder()).orElseThrow(FolderTarget::folderNotFound));
    }

    String id() {
        return ItemIds.folderId(mailbox.address(), folder.distinguishedId());
    }

    static ResponseError folderNotFound() {
        return new ResponseError("ErrorFolderNotFound", "The specified folder could not be found in the store.");
    }
}
