package org.corpconnect.sim.items;

import java.util.Optional;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.mail.MailMessage;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.ResponseError;
import org.w3c.dom.Element;

/**
 * A message a request names by t:ItemId: found in its mailbox's Inbox, or empty when the id names no
 * message (it may then name a calendar item). Only the owner (or an impersonating caller) reaches a
 * message: mail folder permissions are not modelled, so anyone else gets ErrorAccessDenied.
 */
record MessageTarget(Mailbox mailbox, MailMessage message) {

    static Optional<MessageTarget> resolve(EwsCall call, Element ref) {
        if (!"ItemId".equals(ref.getLocalName())) {
            return Optional.empty();
        }
        Optional<ItemIds.ItemRef> id = ItemIds.parseItem(ref.getAttribute("Id")).filter(r -> !r.isOccurrence());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<Mailbox> mailbox = call.directory().find(id.get().mailbox());
        Optional<MailMessage> message = mailbox.flatMap(m -> m.inbox().find(id.get().itemId()));
        if (message.isEmpty()) {
            return Optional.empty();
        }
        Mailbox owner = call.targetMailbox(mailbox.get().address().value());
        if (!owner.address().equals(call.acting())) {
            throw ResponseError.accessDenied();
        }
        return Optional.of(new MessageTarget(owner, message.get()));
    }
}
