package org.corpconnect.exchange.ews;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getuseravailability-operation">GetUserAvailability</a>
 * answer (its FreeBusyResponseArray) with a StAX cursor, keeping only what free/busy needs: each
 * mailbox's ResponseMessage, its CalendarEvents' StartTime, EndTime and BusyType, and its first
 * WorkingPeriod. ews-java-api's own reading built a SimpleDateFormat and a TimeZone for every time
 * and an event object for every XML node: most of a refresh's CPU.
 *
 * <p>The values stay as Exchange wrote them (codes and busy types as text); {@link EwsBusyTimes}
 * translates them. What ews-java-api did, this does too:
 * <ul>
 *   <li>The view is read only when the ResponseCode is NoError; a mailbox fails only when its
 *       ResponseClass is Error (a Warning with another code answers nothing).</li>
 *   <li>Of the WorkingPeriods only the first counts, its days and its hours.</li>
 *   <li>A time without an offset is UTC: the request sends a UTC time zone, and Exchange answers in it.</li>
 * </ul>
 * CalendarEventDetails are never asked for (the view is FreeBusy); should they come, they are skipped unread.
 * An answer that is not a GetUserAvailabilityResponse with a FreeBusyResponseArray is an {@link XMLStreamException}.
 */
final class FreeBusyAnswerReader {

    /** One mailbox's answer, in the order of the request's MailboxDataArray. */
    sealed interface MailboxAnswer permits Answered, Failed {
    }

    /** ResponseClass Success (or Warning): the events, and the working hours if Exchange sent them. */
    record Answered(List<Event> events, Optional<WorkingPeriod> workingHours) implements MailboxAnswer {
    }

    /** ResponseClass Error: the ResponseCode and MessageText as Exchange wrote them (either may be null). */
    record Failed(String responseCode, String messageText) implements MailboxAnswer {
    }

    /** A CalendarEvent; a missing time is null, the busy type is Exchange's LegacyFreeBusyType name (or null). */
    record Event(Instant start, Instant end, String busyType) {
    }

    /** The first WorkingPeriod: its DayOfWeek names and minutes after midnight in the mailbox's own zone. */
    record WorkingPeriod(List<String> days, long startMinutes, long endMinutes) {
    }

    private static final XMLInputFactory FACTORY = factory();

    private FreeBusyAnswerReader() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // An answer has no DTD; one that brings its own is refused rather than expanded.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    /** The answers per mailbox. The stream is read to its end, not closed. */
    static List<MailboxAnswer> read(InputStream soap) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(soap);
        try {
            List<MailboxAnswer> answers = readEnvelope(r);
            while (r.hasNext()) {
                r.next(); // the rest must be well-formed too, as ews-java-api required
            }
            return answers;
        } finally {
            r.close();
        }
    }

    private static List<MailboxAnswer> readEnvelope(XMLStreamReader r) throws XMLStreamException {
        if (r.nextTag() != XMLStreamConstants.START_ELEMENT || !"Envelope".equals(r.getLocalName())) {
            throw unexpected(r, "a SOAP Envelope");
        }
        while (nextChild(r)) {
            if (!"Body".equals(r.getLocalName())) {
                skip(r); // the Header: ServerVersionInfo, nothing free/busy needs
                continue;
            }
            if (!nextChild(r) || !"GetUserAvailabilityResponse".equals(r.getLocalName())) {
                throw unexpected(r, "a GetUserAvailabilityResponse");
            }
            if (!nextChild(r) || !"FreeBusyResponseArray".equals(r.getLocalName())) {
                throw unexpected(r, "a FreeBusyResponseArray");
            }
            List<MailboxAnswer> answers = new ArrayList<>();
            while (nextChild(r)) {
                if ("FreeBusyResponse".equals(r.getLocalName())) {
                    answers.add(readMailbox(r));
                } else {
                    skip(r);
                }
            }
            return answers;
        }
        throw unexpected(r, "a SOAP Body");
    }

    /** At a FreeBusyResponse; leaves the reader at its end. */
    private static MailboxAnswer readMailbox(XMLStreamReader r) throws XMLStreamException {
        boolean responded = false;
        String responseClass = null;
        String code = null;
        String text = null;
        List<Event> events = List.of();
        WorkingPeriod hours = null;
        while (nextChild(r)) {
            switch (r.getLocalName()) {
                case "ResponseMessage" -> {
                    responded = true;
                    responseClass = r.getAttributeValue(null, "ResponseClass");
                    while (nextChild(r)) {
                        switch (r.getLocalName()) {
                            case "ResponseCode" -> code = r.getElementText().strip();
                            case "MessageText" -> text = r.getElementText();
                            default -> skip(r);
                        }
                    }
                }
                case "FreeBusyView" -> {
                    if (!"NoError".equals(code)) {
                        skip(r);
                        continue;
                    }
                    events = new ArrayList<>();
                    while (nextChild(r)) {
                        switch (r.getLocalName()) {
                            case "CalendarEventArray" -> readEvents(r, events);
                            case "WorkingHours" -> hours = readWorkingHours(r);
                            default -> skip(r); // FreeBusyViewType, MergedFreeBusy
                        }
                    }
                }
                default -> skip(r);
            }
        }
        if (!responded) {
            throw new XMLStreamException("A FreeBusyResponse without a ResponseMessage.", r.getLocation());
        }
        if ("Error".equals(responseClass)) {
            return new Failed(code, text);
        }
        return new Answered(events, Optional.ofNullable(hours));
    }

    private static void readEvents(XMLStreamReader r, List<Event> events) throws XMLStreamException {
        while (nextChild(r)) {
            if (!"CalendarEvent".equals(r.getLocalName())) {
                skip(r);
                continue;
            }
            Instant start = null;
            Instant end = null;
            String busyType = null;
            while (nextChild(r)) {
                switch (r.getLocalName()) {
                    case "StartTime" -> start = time(r.getElementText());
                    case "EndTime" -> end = time(r.getElementText());
                    case "BusyType" -> busyType = r.getElementText().strip();
                    default -> skip(r); // CalendarEventDetails: never asked for, never kept
                }
            }
            events.add(new Event(start, end, busyType));
        }
    }

    /** At WorkingHours: the first WorkingPeriod, or null when there is none. The TimeZone is not needed. */
    private static WorkingPeriod readWorkingHours(XMLStreamReader r) throws XMLStreamException {
        WorkingPeriod first = null;
        while (nextChild(r)) {
            if (!"WorkingPeriodArray".equals(r.getLocalName())) {
                skip(r);
                continue;
            }
            while (nextChild(r)) {
                if (first != null || !"WorkingPeriod".equals(r.getLocalName())) {
                    skip(r);
                    continue;
                }
                List<String> days = List.of();
                long start = 0;
                long end = 0;
                while (nextChild(r)) {
                    switch (r.getLocalName()) {
                        case "DayOfWeek" -> days = List.of(r.getElementText().strip().split(" +"));
                        case "StartTimeInMinutes" -> start = Integer.parseInt(r.getElementText().strip());
                        case "EndTimeInMinutes" -> end = Integer.parseInt(r.getElementText().strip());
                        default -> skip(r);
                    }
                }
                first = new WorkingPeriod(days, start, end);
            }
        }
        return first;
    }

    /**
     * An xs:dateTime of the answer. Exchange writes them unzoned, in the request's time zone (UTC), as
     * yyyy-MM-ddTHH:mm:ss: read by hand; anything else (fractions, an offset) through java.time.
     */
    static Instant time(String text) {
        String s = text.strip();
        if (s.length() == 19 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
                && s.charAt(13) == ':' && s.charAt(16) == ':') {
            return LocalDateTime.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10), digits(s, 11, 13),
                    digits(s, 14, 16), digits(s, 17, 19)).toInstant(ZoneOffset.UTC);
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime zoned ? zoned.toInstant()
                : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeParseException("Not a time", s, i);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Moves to the next child of the current element: true at its start, false at the current element's end. */
    private static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        throw new XMLStreamException("The answer ends early.");
    }

    /** At a start element: moves to its end. */
    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static XMLStreamException unexpected(XMLStreamReader r, String expected) {
        String found = r.getEventType() == XMLStreamConstants.START_ELEMENT ? r.getLocalName() : "no element";
        return new XMLStreamException("Expected " + expected + ", found " + found + ".", r.getLocation());
    }
}
