package org.corpconnect.exchange.ews;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.LegacyFreeBusyStatus;
import microsoft.exchange.webservices.data.core.enumeration.property.MapiPropertyType;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.search.LogicalOperator;
import microsoft.exchange.webservices.data.core.enumeration.search.SortDirection;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsOrCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.ServiceResult;
import microsoft.exchange.webservices.data.core.response.GetItemResponse;
import microsoft.exchange.webservices.data.core.response.ServiceResponseCollection;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.AppointmentSchema;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.Attendee;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.complex.Mailbox;
import microsoft.exchange.webservices.data.property.complex.time.OlsonTimeZoneDefinition;
import microsoft.exchange.webservices.data.property.definition.ExtendedPropertyDefinition;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.BookingItem;
import org.corpconnect.exchange.CalendarItemRef;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ItemState;

/**
 * A booking's calendar item in the owner's calendar, through the account's access mode. The rules:
 * <ul>
 *   <li>Only what the booking needs is written: subject, start, end (UTC instants, in a UTC start and
 *       end time zone), Busy, no reminder, the booking id in the extended property {@link #BOOKING_ID}
 *       and the invitee as the one required attendee. No body, location or categories.</li>
 *   <li>IMPERSONATION impersonates the owner and uses the Calendar of the mailbox acted as;
 *       DELEGATION addresses {@code FolderId(Calendar, Mailbox(owner))} as the dedicated mailbox (with an
 *       app-only token, impersonating the dedicated mailbox: {@link EwsGateway}'s default).</li>
 *   <li>An item with an invitee is a meeting: invitations, updates and the cancellation go to the
 *       invitee; one without is an appointment and nothing is sent.</li>
 *   <li>The item is found again by FindItem with an IsEqualTo restriction on the booking id (a
 *       CalendarView cannot carry a restriction), asking for nothing but ids and that property.</li>
 * </ul>
 */
final class EwsBookingItems {

    static final ExtendedPropertyDefinition BOOKING_ID = bookingIdDefinition();

    /** Exchange's own UTC zone; the instants are UTC, so the item's zones say so too. */
    private static final String UTC_ZONE = "Etc/UTC";

    private EwsBookingItems() {
    }

    private static ExtendedPropertyDefinition bookingIdDefinition() {
        try {
            return new ExtendedPropertyDefinition(BookingItem.PROPERTY_SET, BookingItem.BOOKING_ID_PROPERTY,
                    MapiPropertyType.String);
        } catch (Exception e) {
            throw new IllegalStateException("ews-java-api refused the booking id's property definition.", e);
        }
    }

    /** The owner's calendar through the access mode; impersonates the owner in IMPERSONATION mode. */
    static FolderId ownersCalendar(ExchangeService service, AccessMode mode, MailboxAddress owner) {
        if (mode == AccessMode.IMPERSONATION) {
            EwsGateway.impersonate(service, owner);
            return new FolderId(WellKnownFolderName.Calendar);
        }
        return new FolderId(WellKnownFolderName.Calendar, new Mailbox(owner.value()));
    }

    /** <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/createitem-operation-calendar-item">CreateItem</a>. */
    static CalendarItemRef create(ExchangeService service, AccessMode mode, MailboxAddress owner, BookingItem booking)
            throws Exception {
        FolderId calendar = ownersCalendar(service, mode, owner);
        Appointment appointment = new Appointment(service);
        appointment.setExtendedProperty(BOOKING_ID, booking.bookingId());
        setBooking(appointment, booking);
        appointment.setLegacyFreeBusyStatus(LegacyFreeBusyStatus.Busy);
        appointment.setIsReminderSet(false);
        appointment.save(calendar, booking.invitee().isPresent()
                ? SendInvitationsMode.SendToAllAndSaveCopy : SendInvitationsMode.SendToNone);
        return refOf(appointment);
    }

    /**
     * <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/finditem-operation">FindItem</a>,
     * shallow, an ItemView of one, restricted to the booking id and to items overlapping {@code around};
     * the oldest wins should there be two. IdOnly plus the booking id: nothing else of any item.
     */
    static Optional<CalendarItemRef> find(ExchangeService service, AccessMode mode, MailboxAddress owner,
            String bookingId, TimeWindow around) throws Exception {
        FolderId calendar = ownersCalendar(service, mode, owner);
        ItemView view = new ItemView(1);
        view.setPropertySet(new PropertySet(BasePropertySet.IdOnly, BOOKING_ID));
        view.getOrderBy().add(ItemSchema.DateTimeCreated, SortDirection.Ascending);
        SearchFilter filter = new SearchFilter.SearchFilterCollection(LogicalOperator.And,
                new SearchFilter.IsEqualTo(BOOKING_ID, bookingId),
                new SearchFilter.IsLessThan(AppointmentSchema.Start, Date.from(around.end())),
                new SearchFilter.IsGreaterThan(AppointmentSchema.End, Date.from(around.start())));
        FindItemsResults<Item> found = service.findItems(calendar, filter, view);
        return found.getItems().stream().findFirst().map(EwsBookingItems::refOfFound);
    }

    /**
     * <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/updateitem-operation">UpdateItem</a>
     * of subject, start, end and the attendee, after a GetItem of the id alone (ews-java-api updates only
     * an item it has bound). AlwaysOverwrite: the booking is the truth about its own item.
     */
    static CalendarItemRef update(ExchangeService service, AccessMode mode, MailboxAddress owner, CalendarItemRef ref,
            BookingItem booking) throws Exception {
        ownersCalendar(service, mode, owner);
        Appointment appointment = Appointment.bind(service, new ItemId(ref.itemId()),
                new PropertySet(BasePropertySet.IdOnly));
        setBooking(appointment, booking);
        // With an invitee, everyone (the invitee) gets the update. Without, only those the change
        // concerns: nobody for an appointment, a cancellation for an invitee who was just removed.
        appointment.update(ConflictResolutionMode.AlwaysOverwrite, booking.invitee().isPresent()
                ? SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy
                : SendInvitationsOrCancellationsMode.SendToChangedAndSaveCopy);
        return refOf(appointment);
    }

    /**
     * <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/deleteitem-operation">DeleteItem</a>,
     * SoftDelete (the user can still recover it, and a delegate needs no right on the Deleted Items
     * folder). An item already gone (ErrorItemNotFound) is what was wanted.
     */
    static void delete(ExchangeService service, AccessMode mode, MailboxAddress owner, CalendarItemRef ref,
            boolean hadInvitee) throws Exception {
        ownersCalendar(service, mode, owner);
        try {
            // No change key: delete whatever version is there.
            service.deleteItem(new ItemId(ref.itemId()), DeleteMode.SoftDelete,
                    hadInvitee ? SendCancellationsMode.SendToAllAndSaveCopy : SendCancellationsMode.SendToNone, null);
        } catch (ServiceResponseException e) {
            if (e.getErrorCode() != ServiceError.ErrorItemNotFound) {
                throw e;
            }
        }
    }

    /** Item ids per GetItem: Exchange takes many, but one answer stays small. */
    static final int MAX_IDS_PER_GET = 50;

    /**
     * <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getitem-operation">GetItem</a>
     * of the ids, IdOnly plus Start, End and IsCancelled: where each item is now, nothing else of it.
     * ErrorItemNotFound (deleted, moved out of the calendar) and a cancelled meeting are gone; any other
     * error of one item leaves it out.
     */
    static Map<CalendarItemRef, ItemState> states(ExchangeService service, AccessMode mode, MailboxAddress owner,
            List<CalendarItemRef> refs) throws Exception {
        ownersCalendar(service, mode, owner);
        PropertySet startAndEnd = new PropertySet(BasePropertySet.IdOnly, AppointmentSchema.Start, AppointmentSchema.End,
                AppointmentSchema.IsCancelled);
        Map<CalendarItemRef, ItemState> states = new LinkedHashMap<>();
        for (int from = 0; from < refs.size(); from += MAX_IDS_PER_GET) {
            List<CalendarItemRef> chunk = refs.subList(from, Math.min(refs.size(), from + MAX_IDS_PER_GET));
            List<ItemId> ids = new ArrayList<>();
            for (CalendarItemRef ref : chunk) {
                ids.add(new ItemId(ref.itemId()));
            }
            ServiceResponseCollection<GetItemResponse> answers = service.bindToItems(ids, startAndEnd);
            for (int i = 0; i < chunk.size() && i < answers.getCount(); i++) {
                Optional<ItemState> state = stateOf(answers.getResponseAtIndex(i));
                if (state.isPresent()) {
                    states.put(chunk.get(i), state.get());
                }
            }
        }
        return states;
    }

    private static Optional<ItemState> stateOf(GetItemResponse answer) throws Exception {
        if (answer.getResult() == ServiceResult.Error) {
            return answer.getErrorCode() == ServiceError.ErrorItemNotFound ? Optional.of(ItemState.GONE) : Optional.empty();
        }
        if (!(answer.getItem() instanceof Appointment appointment)) {
            return Optional.of(ItemState.GONE); // Not a calendar item (any more): it holds no time.
        }
        if (Boolean.TRUE.equals(appointment.getIsCancelled())) {
            return Optional.of(ItemState.GONE);
        }
        return Optional.of(new ItemState.At(appointment.getStart().toInstant(), appointment.getEnd().toInstant()));
    }

    /** Subject, start, end in UTC zones, and the attendee list replaced by the invitee (or emptied). */
    private static void setBooking(Appointment appointment, BookingItem booking) throws Exception {
        appointment.setSubject(booking.subject());
        appointment.setStart(Date.from(booking.start()));
        appointment.setEnd(Date.from(booking.end()));
        // ews-java-api writes the instants in UTC but no zone unless told: then Exchange (and Outlook's
        // view of a later change) falls back to the mailbox's or the request's zone. Say UTC.
        appointment.setStartTimeZone(new OlsonTimeZoneDefinition(TimeZone.getTimeZone(UTC_ZONE)));
        appointment.setEndTimeZone(new OlsonTimeZoneDefinition(TimeZone.getTimeZone(UTC_ZONE)));
        if (booking.invitee().isPresent()) {
            BookingItem.Invitee invitee = booking.invitee().get();
            appointment.getRequiredAttendees().clear();
            appointment.getRequiredAttendees().add(new Attendee(invitee.name().isBlank() ? null : invitee.name(),
                    invitee.email()));
        } else if (!appointment.isNew()) {
            appointment.getPropertyBag().setObjectFromPropertyDefinition(AppointmentSchema.RequiredAttendees, null);
        }
    }

    private static CalendarItemRef refOf(Appointment appointment) throws Exception {
        ItemId id = appointment.getId();
        return new CalendarItemRef(id.getUniqueId(), id.getChangeKey());
    }

    private static CalendarItemRef refOfFound(Item item) {
        try {
            ItemId id = item.getId();
            return new CalendarItemRef(id.getUniqueId(), id.getChangeKey());
        } catch (Exception e) {
            throw new ExchangeFailure("Exchange answered FindItem without an item id.");
        }
    }
}
