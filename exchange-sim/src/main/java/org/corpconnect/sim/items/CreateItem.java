package org.corpconnect.sim.items;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.corpconnect.sim.calendar.BusyType;
import org.corpconnect.sim.calendar.CalendarFolder;
import org.corpconnect.sim.calendar.CalendarItem;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.ResponseError;
import org.corpconnect.sim.soap.ResponseMessages;
import org.corpconnect.sim.soap.SoapRequest;
import org.corpconnect.sim.soap.XmlWriter;
import org.w3c.dom.Element;

/**
 * CreateItem (createitem-operation.md) for calendar items, in the acting mailbox's calendar or the
 * one SavedItemFolderId names (Author or better needed there). SendMeetingInvitations is required for
 * calendar items; unless it is SendToNone, each attendee with a mailbox gets the meeting in its own
 * calendar as Tentative, as Exchange's calendar assistant does on delivery.
 */
public final class CreateItem implements EwsOperation {
    @Override
    public void execute(EwsCall call, XmlWriter w) {
        Element request = call.body();
        Optional<String> invitations = Dom.attr(request, "SendMeetingInvitations");
        Optional<Element> savedIn = Dom.child(request, "SavedItemFolderId").map(f -> SoapRequest.children(f).get(0));
        List<Element> items = SoapRequest.children(Dom.child(request, "Items").orElseThrow());
        ResponseMessages.write(call, w, "m:CreateItemResponse", "m:CreateItemResponseMessage", "m:Items", items, (element, out) -> {
            if (!"CalendarItem".equals(element.getLocalName())) {
                throw new ResponseError("ErrorInvalidItemForOperationCreateItem",
                        "The simulator creates calendar items only.");
            }
            if (invitations.isEmpty()) {
                throw new ResponseError("ErrorSendMeetingInvitationsRequired",
                        "SendMeetingInvitations attribute is required for calendar items.");
            }
            Mailbox mailbox = savedIn.map(f -> CalendarTarget.resolve(call, f).orElseThrow(() -> new ResponseError(
                            "ErrorInvalidItemForOperationCreateItem", "Calendar items are created in a calendar folder.")))
                    .orElseGet(() -> call.targetMailbox(call.acting().value()));
            CalendarAccess access = call.accessTo(mailbox);
            if (!access.createsItems()) {
                throw ResponseError.accessDenied();
            }
            CalendarItem item = new CalendarItem(CalendarFolder.newItemId()).timeZone(mailbox.timeZone())
                    .organizer(mailbox.address()).createdBy(call.acting()).created(call.clock().instant());
            CalendarItemXml.apply(element, item, call);
            if (item.start() == null) {
                throw new ResponseError("ErrorCalendarInvalidPropertyValue", "A calendar item needs a Start.");
            }
            if (item.end() == null) {
                item.end(item.start().plus(Duration.ofMinutes(30)));
            }
            if (item.end().isBefore(item.start())) {
                throw new ResponseError("ErrorCalendarEndDateIsEarlierThanStartDate", "EndDate is earlier than StartDate");
            }
            boolean hasAttendees = !item.requiredAttendees().isEmpty() || !item.optionalAttendees().isEmpty();
            item.meeting(hasAttendees);
            CalendarItem saved = mailbox.calendar().add(item);
            if (hasAttendees && !"SendToNone".equals(invitations.get())) {
                deliverInvitations(call, saved);
            }
            out.start("m:Items").start("t:CalendarItem").start("t:ItemId")
                    .attr("Id", ItemIds.itemId(mailbox.address(), saved.id())).attr("ChangeKey", saved.changeKey())
                    .end().end().end();
        });
    }

    private static void deliverInvitations(EwsCall call, CalendarItem meeting) {
        java.util.LinkedHashSet<String> attendees = new java.util.LinkedHashSet<>(meeting.requiredAttendees());
        attendees.addAll(meeting.optionalAttendees());
        for (String attendee : attendees) {
            if (MailboxAddress.of(attendee).equals(meeting.organizer())) {
                continue;
            }
            call.directory().find(attendee).ifPresent(m -> {
                CalendarItem copy = meeting.copy();
                CalendarItem received = new CalendarItem(CalendarFolder.newItemId()).uid(meeting.uid())
                        .subject(copy.subject()).location(copy.location()).body(copy.body(), copy.bodyType())
                        .start(copy.start()).end(copy.end()).allDay(copy.allDay()).freeBusy(BusyType.Tentative)
                        .sensitivity(copy.sensitivity()).meeting(true).organizer(meeting.organizer())
                        .requiredAttendees(copy.requiredAttendees()).optionalAttendees(copy.optionalAttendees())
                        .timeZone(copy.timeZone()).recurrence(copy.recurrence()).createdBy(meeting.organizer())
                        .created(call.clock().instant());
                m.calendar().add(received);
            });
        }
    }
}
