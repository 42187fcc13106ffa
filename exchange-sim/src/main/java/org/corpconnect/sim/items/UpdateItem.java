package org.corpconnect.sim.items;

import java.util.List;
import org.corpconnect.sim.calendar.BusyType;
import org.corpconnect.sim.calendar.CalendarItem;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.ResponseError;
import org.corpconnect.sim.soap.ResponseMessages;
import org.corpconnect.sim.soap.SoapRequest;
import org.corpconnect.sim.soap.XmlWriter;
import org.w3c.dom.Element;

/**
 * UpdateItem (updateitem-operation.md) for calendar items: SetItemField, AppendToItemField and
 * DeleteItemField on an item or series; on an occurrence the change becomes an exception of its
 * series. NeverOverwrite with a stale ChangeKey is ErrorIrresolvableConflict. Writing needs Editor,
 * or Author on the caller's own items.
 */
public final class UpdateItem implements EwsOperation {
    @Override
    public void execute(EwsCall call, XmlWriter w) {
        Element request = call.body();
        String conflictResolution = Dom.attr(request, "ConflictResolution").orElse("AutoResolve");
        boolean invitationsGiven = request.hasAttribute("SendMeetingInvitationsOrCancellations");
        List<Element> changes = Dom.children(Dom.child(request, "ItemChanges").orElseThrow(), "ItemChange");
        ResponseMessages.write(call, w, "m:UpdateItemResponse", "m:UpdateItemResponseMessage", "m:Items", changes, (change, out) -> {
            if (!invitationsGiven) {
                throw new ResponseError("ErrorSendMeetingInvitationsOrCancellationsRequired",
                        "SendMeetingInvitationsOrCancellations attribute is required for calendar items.");
            }
            Element ref = SoapRequest.children(change).get(0);
            ItemReference target = ItemReference.resolve(call, ref);
            target.requireWrite(call);
            String changeKey = ref.getAttribute("ChangeKey");
            if ("NeverOverwrite".equals(conflictResolution) && !changeKey.isEmpty()
                    && !changeKey.equals(target.item().changeKey())) {
                throw new ResponseError("ErrorIrresolvableConflict",
                        "The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.");
            }
            List<Element> updates = SoapRequest.children(Dom.child(change, "Updates").orElseThrow());
            Occurrence occurrence = target.occurrence();
            CalendarItem updated = target.mailbox().calendar().update(target.item().id(), item -> {
                if (occurrence.isRecurring()) {
                    applyToOccurrence(call, item, occurrence, updates);
                } else {
                    updates.forEach(u -> applyUpdate(call, item, u));
                }
            }).orElseThrow(ResponseError::itemNotFound);
            if (updated.end().isBefore(updated.start())) {
                throw new ResponseError("ErrorCalendarEndDateIsEarlierThanStartDate", "EndDate is earlier than StartDate");
            }
            String id = occurrence.isRecurring()
                    ? ItemIds.occurrenceId(target.mailbox().address(), updated.id(), occurrence.originalStart())
                    : ItemIds.itemId(target.mailbox().address(), updated.id());
            out.start("m:Items").start("t:CalendarItem").start("t:ItemId").attr("Id", id)
                    .attr("ChangeKey", updated.changeKey()).end().end().end();
            out.start("m:ConflictResults").element("t:Count", 0).end();
        });
    }

    private static void applyUpdate(EwsCall call, CalendarItem item, Element update) {
        Element path = SoapRequest.children(update).get(0);
        switch (update.getLocalName()) {
            case "SetItemField", "AppendToItemField" -> {
                Element value = SoapRequest.children(update).get(1);
                if (!"CalendarItem".equals(value.getLocalName()) && !"Item".equals(value.getLocalName())) {
                    throw new ResponseError("ErrorInvalidPropertySet", "Only calendar item properties can be set here.");
                }
                CalendarItemXml.apply(value, item, call);
            }
            case "DeleteItemField" -> {
                if ("ExtendedFieldURI".equals(path.getLocalName())) {
                    item.removeExtendedProperty(ItemShape.extendedKey(path));
                    return;
                }
                switch (path.getAttribute("FieldURI")) {
                    case "calendar:Location" -> item.location(null);
                    case "item:Body" -> item.body(null, "Text");
                    case "item:Categories" -> item.categories(List.of());
                    case "calendar:RequiredAttendees" -> item.requiredAttendees(List.of());
                    case "calendar:OptionalAttendees" -> item.optionalAttendees(List.of());
                    case "calendar:Recurrence" -> item.recurrence(null);
                    default -> throw new ResponseError("ErrorInvalidPropertyDelete",
                            "This property cannot be deleted: " + path.getAttribute("FieldURI"));
                }
            }
            default -> throw new ResponseError("ErrorInvalidRequest", "Unknown update " + update.getLocalName());
        }
    }

    /** Changes to one occurrence are kept as an exception of the series; the series itself is untouched. */
    private static void applyToOccurrence(EwsCall call, CalendarItem master, Occurrence occurrence, List<Element> updates) {
        CalendarItem scratch = new CalendarItem("scratch").start(occurrence.start()).end(occurrence.end())
                .subject(occurrence.subject()).location(occurrence.location()).freeBusy(occurrence.freeBusy())
                .timeZone(master.timeZone());
        updates.forEach(u -> applyUpdate(call, scratch, u));
        BusyType busy = scratch.freeBusy();
        master.modifyOccurrence(occurrence.originalStart(), new CalendarItem.OccurrenceChange(scratch.start(),
                scratch.end(), scratch.subject(), scratch.location(), busy));
    }
}
