package org.corpconnect.sim.availability;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.corpconnect.sim.calendar.BusyType;
import org.corpconnect.sim.calendar.LegacyTimeZone;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.WorkingHours;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsFault;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.ResponseError;
import org.corpconnect.sim.soap.XmlWriter;
import org.corpconnect.sim.items.ItemIds;
import org.w3c.dom.Element;

/**
 * GetUserAvailability (getuseravailability-operation.md), free/busy part.
 *
 * <p>Limits are request-level faults: more than 100 mailboxes (ErrorMailboxDataArrayTooBig), a
 * window over 42 days (ErrorTimeIntervalTooBig), a window that ends before it starts
 * (ErrorInvalidTimeInterval). A mailbox that does not resolve, or whose calendar the caller may not
 * even see free/busy for, fails inside its own FreeBusyResponse; the others still answer.
 *
 * <p>Times are read and written in the request's legacy TimeZone, unzoned, as Exchange 2010+ does
 * (ews-java-api sends UTC and whole UTC days). More than 10,000 appointments in one mailbox's window
 * is ErrorResultSetTooBig for that mailbox. The view returned is the most the caller may see:
 * Detailed is downgraded to FreeBusy without subject/location rights; private items never show
 * subject or location to anyone but the owner and delegates. Free appointments are not listed.
 */
public final class GetUserAvailability implements EwsOperation {
    public static final int MAX_MAILBOXES = 100;
    public static final Duration MAX_WINDOW = Duration.ofDays(42);
    public static final int MAX_APPOINTMENTS = 10_000;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @Override
    public void execute(EwsCall call, XmlWriter w) {
        Element request = call.body();
        Optional<Element> freeBusyOptions = Dom.child(request, "FreeBusyViewOptions");
        Optional<Element> suggestionOptions = Dom.child(request, "SuggestionsViewOptions");
        LegacyTimeZone tz = requestTimeZone(call, request, freeBusyOptions.flatMap(o -> Dom.child(o, "TimeWindow"))
                .or(() -> suggestionOptions.flatMap(s -> Dom.child(s, "DetailedSuggestionsWindow"))));
        List<Element> mailboxData = Dom.child(request, "MailboxDataArray")
                .map(a -> Dom.children(a, "MailboxData")).orElse(List.of());
        List<String> addresses = mailboxData.stream()
                .map(md -> Dom.child(md, "Email").flatMap(e -> Dom.text(e, "Address")).orElse("")).toList();
        addresses.forEach(a -> call.log().targetMailbox(a.toLowerCase(Locale.ROOT)));
        if (addresses.size() > MAX_MAILBOXES) {
            // Wording as Exchange Online words it (also through Graph's getSchedule).
            throw new EwsFault("ErrorMailboxDataArrayTooBig",
                    "There are too many target users in the EmailAddress array. The allowed size = " + MAX_MAILBOXES
                            + "; the actual size = " + addresses.size() + ".");
        }
        if (addresses.isEmpty()) {
            throw new EwsFault("ErrorMailboxDataArrayEmpty", "The MailboxDataArray element is empty.");
        }
        if (freeBusyOptions.isEmpty() && suggestionOptions.isEmpty()) {
            throw new EwsFault("ErrorInvalidRequest", "FreeBusyViewOptions or SuggestionsViewOptions must be specified.");
        }
        // Validate everything before writing anything: a fault must not follow a partial response.
        FreeBusyRequest freeBusy = freeBusyOptions.map(o -> FreeBusyRequest.parse(o, tz)).orElse(null);
        if (freeBusy != null) {
            call.log().requestedView(freeBusy.view());
        }
        XmlWriter suggestions = new XmlWriter();
        if (suggestionOptions.isPresent()) {
            call.log().requestedProperty("Suggestions");
            List<MeetingSuggestions.Attendee> attendees = mailboxData.stream().map(md -> new MeetingSuggestions.Attendee(
                    Dom.child(md, "Email").flatMap(e -> Dom.text(e, "Address")).orElse(""),
                    Dom.text(md, "AttendeeType").orElse("Required"))).toList();
            MeetingSuggestions.write(call, suggestions, tz, attendees, suggestionOptions.get());
        }
        w.start("m:GetUserAvailabilityResponse");
        if (freeBusy != null) {
            w.start("m:FreeBusyResponseArray");
            for (String address : addresses) {
                w.start("m:FreeBusyResponse");
                try {
                    writeMailbox(call, w, address, tz, freeBusy.start(), freeBusy.end(), freeBusy.interval(), freeBusy.view());
                    call.log().responseCode("NoError");
                } catch (ResponseError error) {
                    call.log().responseCode(error.responseCode());
                    w.start("m:ResponseMessage").attr("ResponseClass", "Error");
                    error.writeBody(w, "m:");
                    w.end();
                    w.start("m:FreeBusyView");
                    w.element("t:FreeBusyViewType", "None");
                    w.end();
                }
                w.end();
            }
            w.end();
        }
        w.raw(suggestions.toString());
        w.end();
    }

    /** FreeBusyViewOptions, checked against Exchange's limits. */
    private record FreeBusyRequest(Instant start, Instant end, int interval, String view) {
        static FreeBusyRequest parse(Element options, LegacyTimeZone tz) {
            Element window = Dom.child(options, "TimeWindow").orElseThrow();
            String startText = Dom.text(window, "StartTime").orElseThrow();
            String endText = Dom.text(window, "EndTime").orElseThrow();
            Instant start = Dom.hasOffset(startText) ? Dom.dateTime(startText, null) : tz.toInstant(LocalDateTime.parse(startText));
            Instant end = Dom.hasOffset(endText) ? Dom.dateTime(endText, null) : tz.toInstant(LocalDateTime.parse(endText));
            int interval = Dom.text(options, "MergedFreeBusyIntervalInMinutes").map(Integer::parseInt).orElse(30);
            String view = Dom.text(options, "RequestedView").orElse("FreeBusy");
            if (!end.isAfter(start)) {
                throw new EwsFault("ErrorInvalidTimeInterval", "The time interval is not valid: EndTime is not after StartTime.");
            }
            if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
                throw new EwsFault("ErrorTimeIntervalTooBig",
                        "The time duration specified for FreeBusyViewOptions.TimeWindow is too big. The allowed maximum is 42 days.");
            }
            if (view.contains("Merged") && (interval < 5 || interval > 1440)) {
                throw new EwsFault("ErrorInvalidMergedFreeBusyInterval",
                        "The MergedFreeBusyIntervalInMinutes value must be between 5 and 1440.");
            }
            return new FreeBusyRequest(start, end, interval, view);
        }
    }

    /**
     * The zone the request's times are in: its legacy TimeZone, else (Exchange 2010 and later) the
     * TimeZoneContext header, else UTC. A zone from the header takes the rules of the window's year.
     */
    private static LegacyTimeZone requestTimeZone(EwsCall call, Element request, Optional<Element> window) {
        Optional<LegacyTimeZone> legacy = Dom.child(request, "TimeZone").map(LegacyTimeZone::parse);
        if (legacy.isPresent()) {
            return legacy.get();
        }
        int year = window.flatMap(t -> Dom.text(t, "StartTime")).map(s -> Integer.parseInt(s.substring(0, 4)))
                .orElse(java.time.Year.now().getValue());
        return call.timeZoneContext().map(z -> LegacyTimeZone.of(z, year)).orElse(LegacyTimeZone.UTC);
    }

    private void writeMailbox(EwsCall call, XmlWriter w, String address, LegacyTimeZone tz, Instant start, Instant end,
                              int interval, String requestedView) {
        Mailbox mailbox = call.directory().find(address).orElseThrow(() -> new ResponseError(
                "ErrorMailRecipientNotFound", "Mail recipient not found in the directory.",
                Map.of("SmtpAddress", address)));
        CalendarAccess access = call.accessTo(mailbox);
        if (!access.seesFreeBusy()) {
            throw new ResponseError("ErrorNoFreeBusyAccess",
                    "The caller does not have free/busy viewing rights on the calendar of " + mailbox.address() + ".");
        }
        boolean merged = requestedView.contains("Merged");
        boolean detailed = requestedView.startsWith("Detailed") && access.seesSubjectAndLocation();
        boolean listEvents = !"MergedOnly".equals(requestedView) && !"None".equals(requestedView);
        String viewType = switch (requestedView) {
            case "MergedOnly" -> "MergedOnly";
            case "None" -> "None";
            default -> (detailed ? "Detailed" : "FreeBusy") + (merged ? "Merged" : "");
        };
        List<Occurrence> occurrences = mailbox.calendar().occurrences(start, end).stream()
                .map(o -> new Occurrence(o.item(), o.kind(), o.originalStart(), o.start(), o.end(), o.subject(),
                        o.location(), call.version().visible(o.freeBusy())))
                .filter(o -> o.freeBusy() != BusyType.Free)
                .toList();
        if (occurrences.size() > MAX_APPOINTMENTS) {
            throw new ResponseError("ErrorResultSetTooBig", "Result set contains too many calendar entries. The allowed size = "
                    + MAX_APPOINTMENTS + "; the actual size = " + occurrences.size() + ".");
        }

        w.start("m:ResponseMessage").attr("ResponseClass", "Success");
        w.element("m:ResponseCode", "NoError");
        w.end();
        w.start("m:FreeBusyView");
        w.element("t:FreeBusyViewType", viewType);
        if (merged) {
            w.element("t:MergedFreeBusy", mergedString(occurrences, start, end, interval));
        }
        if (listEvents) {
            w.start("t:CalendarEventArray");
            for (Occurrence o : occurrences) {
                w.start("t:CalendarEvent");
                w.element("t:StartTime", LOCAL.format(tz.toLocal(o.start())));
                w.element("t:EndTime", LOCAL.format(tz.toLocal(o.end())));
                w.element("t:BusyType", o.freeBusy().name());
                if (detailed) {
                    boolean hidden = o.item().sensitivity().hidesDetails() && !access.seesPrivateItems();
                    w.start("t:CalendarEventDetails");
                    w.element("t:ID", ItemIds.availabilityId(mailbox.address(), o));
                    if (!hidden) {
                        w.element("t:Subject", o.subject());
                        w.element("t:Location", Optional.ofNullable(o.location()).orElse(""));
                    }
                    w.element("t:IsMeeting", o.item().meeting());
                    w.element("t:IsRecurring", o.isRecurring());
                    w.element("t:IsException", o.kind() == Occurrence.Kind.Exception);
                    w.element("t:IsReminderSet", o.item().reminderSet());
                    w.element("t:IsPrivate", o.item().sensitivity().hidesDetails());
                    w.end();
                }
                w.end();
            }
            w.end();
        }
        if (!"None".equals(viewType)) {
            writeWorkingHours(w, mailbox, start);
        }
        w.end();
    }

    static String mergedString(List<Occurrence> occurrences, Instant start, Instant end, int intervalMinutes) {
        long slotSeconds = intervalMinutes * 60L;
        int slots = (int) ((Duration.between(start, end).getSeconds() + slotSeconds - 1) / slotSeconds);
        BusyType[] status = new BusyType[slots];
        for (Occurrence o : occurrences) {
            long from = Math.max(0, Duration.between(start, o.start()).getSeconds() / slotSeconds);
            long to = Math.min(slots, (Duration.between(start, o.end()).getSeconds() + slotSeconds - 1) / slotSeconds);
            for (long i = from; i < to; i++) {
                BusyType current = status[(int) i];
                if (current == null || o.freeBusy().rank() > current.rank()) {
                    status[(int) i] = o.freeBusy();
                }
            }
        }
        StringBuilder sb = new StringBuilder(slots);
        for (BusyType b : status) {
            sb.append(b == null ? '0' : b.mergedDigit());
        }
        return sb.toString();
    }

    private static void writeWorkingHours(XmlWriter w, Mailbox mailbox, Instant start) {
        WorkingHours hours = mailbox.workingHours();
        int year = start.atZone(mailbox.timeZone()).getYear();
        w.start("t:WorkingHours");
        LegacyTimeZone.of(mailbox.timeZone(), year).write(w, "t:TimeZone");
        w.start("t:WorkingPeriodArray");
        w.start("t:WorkingPeriod");
        w.element("t:DayOfWeek", hours.days().stream().sorted().map(GetUserAvailability::dayName)
                .collect(Collectors.joining(" ")));
        w.element("t:StartTimeInMinutes", hours.start().getHour() * 60 + hours.start().getMinute());
        w.element("t:EndTimeInMinutes", hours.end().getHour() * 60 + hours.end().getMinute());
        w.end();
        w.end();
        w.end();
    }

    private static String dayName(DayOfWeek d) {
        String n = d.name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }

}
