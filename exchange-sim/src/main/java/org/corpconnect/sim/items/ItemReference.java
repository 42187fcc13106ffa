package org.corpconnect.sim.items;

import java.time.Instant;
import java.util.List;
import org.corpconnect.sim.calendar.CalendarItem;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.ResponseError;
import org.w3c.dom.Element;

/**
 * An item a request names by t:ItemId, t:OccurrenceItemId (master + 1-based instance index) or
 * t:RecurringMasterItemId (an occurrence's id naming its series), resolved to its mailbox, item and
 * occurrence, with the acting mailbox's access to that calendar.
 */
record ItemReference(Mailbox mailbox, CalendarItem item, Occurrence occurrence, CalendarAccess access) {

    static ItemReference resolve(EwsCall call, Element ref) {
        String idAttr = switch (ref.getLocalName()) {
            case "OccurrenceItemId" -> ref.getAttribute("RecurringMasterId");
            case "RecurringMasterItemId" -> ref.getAttribute("OccurrenceId");
            default -> ref.getAttribute("Id");
        };
        ItemIds.ItemRef id = ItemIds.parseItem(idAttr)
                .orElseThrow(() -> new ResponseError("ErrorInvalidIdMalformed", "Id is malformed."));
        Mailbox mailbox = call.targetMailbox(id.mailbox().value());
        CalendarAccess access = call.accessTo(mailbox);
        if (!access.readsItems()) {
            throw ResponseError.accessDenied();
        }
        CalendarItem item = mailbox.calendar().find(id.itemId()).orElseThrow(ResponseError::itemNotFound);
        Occurrence occurrence;
        switch (ref.getLocalName()) {
            case "OccurrenceItemId" -> {
                int index = Integer.parseInt(ref.getAttribute("InstanceIndex"));
                occurrence = occurrenceByIndex(mailbox, item, index);
            }
            case "RecurringMasterItemId" -> occurrence = Occurrence.single(item);
            default -> occurrence = id.isOccurrence()
                    ? mailbox.calendar().occurrence(item.id(), id.occurrenceStart())
                    .orElseThrow(() -> new ResponseError("ErrorCalendarOccurrenceIsDeletedFromRecurrence",
                            "Occurrence with this index was previously deleted from the recurrence."))
                    : Occurrence.single(item);
        }
        return new ItemReference(mailbox, item, occurrence, access);
    }

    private static Occurrence occurrenceByIndex(Mailbox mailbox, CalendarItem item, int index) {
        if (!item.isRecurringMaster()) {
            throw new ResponseError("ErrorCalendarCannotUseIdForOccurrenceId",
                    "The item is not a recurring master; an occurrence id cannot name it.");
        }
        List<java.time.LocalDate> dates = item.recurrence().datesUntil(item.recurrence().startDate().plusYears(10));
        if (index < 1 || index > dates.size()) {
            throw new ResponseError("ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange",
                    "The occurrence index is out of the recurrence range.");
        }
        java.time.ZoneId zone = item.timeZone() == null ? java.time.ZoneOffset.UTC : item.timeZone();
        Instant originalStart = java.time.ZonedDateTime.of(dates.get(index - 1),
                item.start().atZone(zone).toLocalTime(), zone).toInstant();
        return mailbox.calendar().occurrence(item.id(), originalStart)
                .orElseThrow(() -> new ResponseError("ErrorCalendarOccurrenceIsDeletedFromRecurrence",
                        "Occurrence with this index was previously deleted from the recurrence."));
    }

    /** Editing or deleting: Editor (and delegates) on anything, Author only on what it created itself. */
    void requireWrite(EwsCall call) {
        boolean mayWrite = access.editsAllItems()
                || (access == CalendarAccess.AUTHOR && call.acting().equals(item.createdBy()));
        if (!mayWrite) {
            throw ResponseError.accessDenied();
        }
    }
}
