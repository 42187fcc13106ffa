package org.corpconnect.sim.items;

import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.ResponseMessages;
import org.corpconnect.sim.soap.SoapRequest;
import org.corpconnect.sim.soap.XmlWriter;
import org.w3c.dom.Element;

/**
 * GetItem (getitem-operation.md): calendar items, occurrences and masters by id (reading needs
 * Reviewer or better), and Inbox messages (their owner only).
 */
public final class GetItem implements EwsOperation {
    @Override
    public void execute(EwsCall call, XmlWriter w) {
        Element request = call.body();
        ItemShape shape = ItemShape.parse(Dom.child(request, "ItemShape").orElseThrow(), call);
        ResponseMessages.write(call, w, "m:GetItemResponse", "m:GetItemResponseMessage", "m:Items",
                SoapRequest.children(Dom.child(request, "ItemIds").orElseThrow()), (ref, out) -> {
                    java.util.Optional<MessageTarget> message = MessageTarget.resolve(call, ref);
                    if (message.isPresent()) {
                        out.start("m:Items");
                        MessageXml.write(out, call, message.get().mailbox(), message.get().message(), shape);
                        out.end();
                        return;
                    }
                    ItemReference item = ItemReference.resolve(call, ref);
                    out.start("m:Items");
                    CalendarItemXml.write(out, call, item.mailbox(), item.occurrence(), shape, item.access());
                    out.end();
                });
    }
}
