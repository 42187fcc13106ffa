package org.corpconnect.sim.items;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.mail.MailMessage;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.ResponseError;
import org.corpconnect.sim.soap.ResponseMessages;
import org.corpconnect.sim.soap.SoapRequest;
import org.corpconnect.sim.soap.XmlWriter;
import org.w3c.dom.Element;

/**
 * FindItem (finditem-operation.md) on the Inbox (see {@link #findInInbox}) and on calendars. With a CalendarView, recurring series are expanded
 * into occurrences and exceptions in the range (masters are not listed), at most MaxEntriesReturned
 * of them; a restriction or sort order is refused with a CalendarView, as Exchange refuses it. Without
 * a CalendarView (IndexedPageItemView or none), singles and recurring masters are listed, filtered by
 * the restriction (e.g. on an extended property) and paged. Reading needs Reviewer or better.
 */
public final class FindItem implements EwsOperation {
    static final Duration MAX_CALENDAR_VIEW = Duration.ofDays(365 * 2 + 1);
    static final int FIND_COUNT_LIMIT = 1000;

    @Override
    public void execute(EwsCall call, XmlWriter w) {
        Element request = call.body();
        ItemShape shape = ItemShape.parse(Dom.child(request, "ItemShape").orElseThrow(), call);
        Optional<Element> calendarView = Dom.child(request, "CalendarView");
        Optional<Element> indexed = Dom.child(request, "IndexedPageItemView");
        Optional<Element> restriction = Dom.child(request, "Restriction");
        Optional<Element> sortOrder = Dom.child(request, "SortOrder");
        calendarView.ifPresent(v -> call.log().requestedView("CalendarView"));
        indexed.ifPresent(v -> call.log().requestedView("IndexedPageItemView"));
        boolean shallow = "Shallow".equals(request.getAttribute("Traversal"));
        List<Element> folders = SoapRequest.children(Dom.child(request, "ParentFolderIds").orElseThrow());
        ResponseMessages.write(call, w, "m:FindItemResponse", "m:FindItemResponseMessage", folders, (folder, out) -> {
            Optional<Mailbox> inbox = InboxTarget.resolve(call, folder);
            if (inbox.isPresent()) {
                findInInbox(call, inbox.get(), shape, shallow, calendarView, indexed, restriction, sortOrder, out);
                return;
            }
            Optional<Mailbox> target = CalendarTarget.resolve(call, folder);
            List<Occurrence> found = new ArrayList<>();
            CalendarAccess access = CalendarAccess.NONE;
            if (target.isPresent()) {
                Mailbox mailbox = target.get();
                access = call.accessTo(mailbox);
                if (!access.readsItems()) {
                    throw ResponseError.accessDenied();
                }
                if (calendarView.isPresent() && (restriction.isPresent() || sortOrder.isPresent())) {
                    throw new ResponseError("ErrorInvalidRestriction",
                            "Restrictions and sort order may not be specified for a CalendarView.");
                }
                if (shallow) {
                    found = calendarView.isPresent()
                            ? inCalendarView(call, mailbox, calendarView.get())
                            : mailbox.calendar().items().stream().filter(i -> !i.cancelled()).map(Occurrence::single).toList();
                }
                if (restriction.isPresent()) {
                    Element expression = SoapRequest.children(restriction.get()).get(0);
                    found = found.stream().filter(o -> Restriction.matches(expression, o)).toList();
                }
                if (sortOrder.isPresent()) {
                    found = sorted(found, sortOrder.get());
                }
            }
            int total = found.size();
            int offset = 0;
            int max = Integer.MAX_VALUE;
            Optional<Element> paging = calendarView.isPresent() ? calendarView : indexed;
            if (paging.isPresent()) {
                max = Dom.attr(paging.get(), "MaxEntriesReturned").map(Integer::parseInt).orElse(Integer.MAX_VALUE);
            }
            if (indexed.isPresent()) {
                offset = Dom.attr(indexed.get(), "Offset").map(Integer::parseInt).orElse(0);
                if ("End".equals(indexed.get().getAttribute("BasePoint"))) {
                    offset = Math.max(0, total - offset - Math.min(max, total));
                }
            }
            // EWSFindCountLimit: one FindItem returns at most 1000 items; the client pages for more.
            max = Math.min(max, FIND_COUNT_LIMIT);
            int from = Math.min(offset, total);
            int to = (int) Math.min((long) from + max, total);
            List<Occurrence> page = found.subList(from, to);
            out.start("m:RootFolder");
            if (indexed.isPresent()) {
                out.attr("IndexedPagingOffset", to);
            }
            out.attr("TotalItemsInView", total).attr("IncludesLastItemInRange", to == total);
            out.start("t:Items");
            Mailbox owner = target.orElse(null);
            for (Occurrence o : page) {
                CalendarItemXml.write(out, call, owner, o, shape, access);
            }
            out.end();
            out.end();
        });
    }

    /**
     * FindItem on the Inbox (its owner only): messages, newest first unless a SortOrder on
     * DateTimeReceived, DateTimeSent, DateTimeCreated or Subject says otherwise, paged by an
     * IndexedPageItemView. A CalendarView is Exchange's ErrorCalendarFolderIsInvalidForCalendarView.
     * Restrictions on messages are not simulated: ErrorUnsupportedQueryFilter, never a wrong answer.
     */
    private static void findInInbox(EwsCall call, Mailbox mailbox, ItemShape shape, boolean shallow,
                                    Optional<Element> calendarView, Optional<Element> indexed,
                                    Optional<Element> restriction, Optional<Element> sortOrder, XmlWriter out) {
        if (!mailbox.address().equals(call.acting())) {
            throw ResponseError.accessDenied();
        }
        if (calendarView.isPresent()) {
            throw new ResponseError("ErrorCalendarFolderIsInvalidForCalendarView",
                    "The specified folder is not a calendar folder; a CalendarView needs one.");
        }
        if (restriction.isPresent()) {
            throw new ResponseError("ErrorUnsupportedQueryFilter",
                    "The simulator does not evaluate restrictions on messages.");
        }
        List<MailMessage> found = new ArrayList<>(shallow ? mailbox.inbox().messages() : List.of());
        if (sortOrder.isPresent()) {
            Comparator<MailMessage> comparator = null;
            for (Element order : Dom.children(sortOrder.get(), "FieldOrder")) {
                String field = Dom.child(order, "FieldURI").map(f -> f.getAttribute("FieldURI")).orElse("");
                Comparator<MailMessage> c = switch (field) {
                    case "item:DateTimeReceived" -> Comparator.comparing(MailMessage::received);
                    case "item:DateTimeSent" -> Comparator.comparing(MailMessage::sent);
                    case "item:DateTimeCreated" -> Comparator.comparing(MailMessage::created);
                    case "item:Subject" -> Comparator.comparing(MailMessage::subject);
                    default -> throw new ResponseError("ErrorUnsupportedPathForSortGroup",
                            "The simulator sorts messages only by DateTimeReceived, DateTimeSent, DateTimeCreated or Subject.");
                };
                if ("Descending".equals(order.getAttribute("Order"))) {
                    c = c.reversed();
                }
                comparator = comparator == null ? c : comparator.thenComparing(c);
            }
            if (comparator != null) {
                found.sort(comparator);
            }
        }
        int total = found.size();
        int max = indexed.flatMap(v -> Dom.attr(v, "MaxEntriesReturned")).map(Integer::parseInt).orElse(Integer.MAX_VALUE);
        int offset = indexed.flatMap(v -> Dom.attr(v, "Offset")).map(Integer::parseInt).orElse(0);
        if (indexed.isPresent() && "End".equals(indexed.get().getAttribute("BasePoint"))) {
            offset = Math.max(0, total - offset - Math.min(max, total));
        }
        max = Math.min(max, FIND_COUNT_LIMIT);
        int from = Math.min(offset, total);
        int to = (int) Math.min((long) from + max, total);
        out.start("m:RootFolder");
        if (indexed.isPresent()) {
            out.attr("IndexedPagingOffset", to);
        }
        out.attr("TotalItemsInView", total).attr("IncludesLastItemInRange", to == total);
        out.start("t:Items");
        for (MailMessage m : found.subList(from, to)) {
            MessageXml.write(out, call, mailbox, m, shape);
        }
        out.end();
        out.end();
    }

    private static List<Occurrence> inCalendarView(EwsCall call, Mailbox mailbox, Element view) {
        Instant start = CalendarItemXml.instant(view.getAttribute("StartDate"), call).orElseThrow();
        Instant end = CalendarItemXml.instant(view.getAttribute("EndDate"), call).orElseThrow();
        if (end.isBefore(start)) {
            throw new ResponseError("ErrorCalendarEndDateIsEarlierThanStartDate", "EndDate is earlier than StartDate");
        }
        if (Duration.between(start, end).compareTo(MAX_CALENDAR_VIEW) > 0) {
            throw new ResponseError("ErrorCalendarViewRangeTooBig",
                    "The calendar view range exceeds the allowed maximum of two years.");
        }
        // calendarview.md: items ending before StartDate, or starting on or after EndDate, are left out;
        // so an item ending exactly at StartDate is in the view.
        return mailbox.calendar().occurrences(start.minusNanos(1), end);
    }

    private static List<Occurrence> sorted(List<Occurrence> items, Element sortOrder) {
        Comparator<Occurrence> comparator = null;
        for (Element order : Dom.children(sortOrder, "FieldOrder")) {
            String field = Dom.child(order, "FieldURI").map(f -> f.getAttribute("FieldURI")).orElse("calendar:Start");
            Comparator<Occurrence> c = switch (field) {
                case "item:Subject" -> Comparator.comparing(Occurrence::subject);
                case "calendar:End" -> Comparator.comparing(Occurrence::end);
                case "item:DateTimeReceived", "item:DateTimeCreated" ->
                        Comparator.comparing((Occurrence o) -> o.item().created(), Comparator.nullsFirst(Comparator.naturalOrder()));
                default -> Comparator.comparing(Occurrence::start);
            };
            if ("Descending".equals(order.getAttribute("Order"))) {
                c = c.reversed();
            }
            comparator = comparator == null ? c : comparator.thenComparing(c);
        }
        List<Occurrence> out = new ArrayList<>(items);
        if (comparator != null) {
            out.sort(comparator);
        }
        return out;
    }
}
