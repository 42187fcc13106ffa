package org.corpconnect.sim.items;

import java.util.List;
import java.util.Optional;
import org.corpconnect.sim.calendar.CalendarItem;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.ResponseError;
import org.corpconnect.sim.soap.ResponseMessages;
import org.corpconnect.sim.soap.SoapRequest;
import org.corpconnect.sim.soap.XmlWriter;
import org.w3c.dom.Element;

/**
 * DeleteItem (deleteitem-operation.md): an item or series, or one occurrence (it joins the series'
 * deleted occurrences). SendMeetingCancellations is required for calendar items; unless SendToNone,
 * the attendees' copies of a meeting are cancelled. Writing needs Editor, or Author on own items.
 * An Inbox message is deleted by its owner; with no Deleted Items folder modelled, it is gone.
 */
public final class DeleteItem implements EwsOperation {
    @Override
    public void execute(EwsCall call, XmlWriter w) {
        Element request = call.body();
        Optional<String> cancellations = Dom.attr(request, "SendMeetingCancellations");
        List<Element> ids = SoapRequest.children(Dom.child(request, "ItemIds").orElseThrow());
        ResponseMessages.write(call, w, "m:DeleteItemResponse", "m:DeleteItemResponseMessage", ids, (ref, out) -> {
            Optional<MessageTarget> message = MessageTarget.resolve(call, ref);
            if (message.isPresent()) {
                // No Deleted Items folder is modelled: every DeleteType removes the message from the Inbox.
                message.get().mailbox().inbox().delete(message.get().message().id());
                return;
            }
            ItemReference target = ItemReference.resolve(call, ref);
            if (cancellations.isEmpty()) {
                throw new ResponseError("ErrorSendMeetingCancellationsRequired",
                        "SendMeetingCancellations attribute is required for calendar items.");
            }
            target.requireWrite(call);
            CalendarItem item = target.item();
            if (target.occurrence().isRecurring()) {
                target.mailbox().calendar().update(item.id(), i -> i.deleteOccurrence(target.occurrence().originalStart()));
                return;
            }
            target.mailbox().calendar().delete(item.id());
            boolean organizer = item.organizer() == null || item.organizer().equals(target.mailbox().address());
            if (item.meeting() && organizer && !"SendToNone".equals(cancellations.get())) {
                cancelAttendeeCopies(call, item);
            }
        });
    }

    private static void cancelAttendeeCopies(EwsCall call, CalendarItem meeting) {
        java.util.Set<String> attendees = new java.util.LinkedHashSet<>(meeting.requiredAttendees());
        attendees.addAll(meeting.optionalAttendees());
        for (String attendee : attendees) {
            call.directory().find(attendee).ifPresent(m -> m.calendar().items().stream()
                    .filter(i -> meeting.uid() != null && meeting.uid().equals(i.uid()))
                    .forEach(i -> m.calendar().update(i.id(), c -> c.cancelled(true))));
        }
    }
}
