package org.corpconnect.exchange.ews;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import org.corpconnect.exchange.ews.FreeBusyAnswerReader.Answered;
import org.corpconnect.exchange.ews.FreeBusyAnswerReader.Event;
import org.corpconnect.exchange.ews.FreeBusyAnswerReader.Failed;
import org.corpconnect.exchange.ews.FreeBusyAnswerReader.MailboxAnswer;
import org.corpconnect.exchange.ews.FreeBusyAnswerReader.WorkingPeriod;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.calendar.WorkingWeek;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ExchangeGateway;
import org.corpconnect.exchange.MailboxBusyTime;

/**
 * Free/busy through <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getuseravailability-operation">GetUserAvailability</a>
 * ({@link FreeBusyRequest}, read by {@link FreeBusyAnswerReader}), translated into our types:
 * <ul>
 *   <li>The request asks for whole UTC days (start and end at 00:00 UTC), as ews-java-api's did. We ask
 *       for the UTC days covering the window (end rounded up) and clip every interval to the requested
 *       window. Covering a window longer than 41 days can take 43 days, over Exchange's 42-day limit: then
 *       the cover is split and a second request asks for the rest (see {@link #requestWindows}).</li>
 *   <li>The request sends a UTC time zone, so the unzoned times Exchange returns are UTC instants.</li>
 *   <li>WorkingElsewhere, and a busy type that is missing or unknown, is WORKING_ELSEWHERE (as when
 *       ews-java-api, whose LegacyFreeBusyStatus has no WorkingElsewhere, read it as {@code null}).</li>
 * </ul>
 * Free appointments are left out: they do not take anyone's time (Exchange's merged view counts them
 * as free too). Every other busy type is kept, NoData included. Intervals are not merged: each is one
 * appointment (or occurrence), sorted by start.
 */
final class EwsBusyTimes {

    private static final Duration EXCHANGE_MAX_WINDOW = Duration.ofDays(ExchangeGateway.MAX_WINDOW_DAYS);

    private EwsBusyTimes() {
    }

    /** The whole-UTC-day windows to ask Exchange for so that together they cover {@code window} exactly. */
    static List<TimeWindow> requestWindows(TimeWindow window) {
        Instant from = window.start().truncatedTo(ChronoUnit.DAYS);
        Instant to = window.end().truncatedTo(ChronoUnit.DAYS);
        if (to.isBefore(window.end())) {
            to = to.plus(1, ChronoUnit.DAYS);
        }
        List<TimeWindow> windows = new ArrayList<>();
        for (Instant cursor = from; cursor.isBefore(to); ) {
            Instant next = cursor.plus(EXCHANGE_MAX_WINDOW).isBefore(to) ? cursor.plus(EXCHANGE_MAX_WINDOW) : to;
            windows.add(new TimeWindow(cursor, next));
            cursor = next;
        }
        return windows;
    }

    /** One GetUserAvailability request, FreeBusy view only: never Detailed, event details stay in Exchange. */
    static List<MailboxAnswer> request(ExchangeService service, List<MailboxAddress> mailboxes,
            TimeWindow utcDays) throws Exception {
        List<MailboxAnswer> answers = new FreeBusyRequest(service, mailboxes, utcDays).execute();
        if (answers.size() != mailboxes.size()) {
            throw new ExchangeFailure("Exchange answered free/busy for " + answers.size() + " of " + mailboxes.size()
                    + " mailboxes.");
        }
        return answers;
    }

    /**
     * The working days and hours from the answer's WorkingHours (minutes after midnight in the
     * mailbox's own zone). Absent or odd values (no days, an end before the start) give none.
     */
    static Optional<WorkingWeek> workingWeekOf(Optional<WorkingPeriod> workingHours) {
        if (workingHours.isEmpty()) {
            return Optional.empty();
        }
        WorkingPeriod hours = workingHours.get();
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : hours.days()) {
            switch (day) { // DayOfWeekType names; others are ignored, as ews-java-api ignored them
                case "Monday" -> days.add(DayOfWeek.MONDAY);
                case "Tuesday" -> days.add(DayOfWeek.TUESDAY);
                case "Wednesday" -> days.add(DayOfWeek.WEDNESDAY);
                case "Thursday" -> days.add(DayOfWeek.THURSDAY);
                case "Friday" -> days.add(DayOfWeek.FRIDAY);
                case "Saturday" -> days.add(DayOfWeek.SATURDAY);
                case "Sunday" -> days.add(DayOfWeek.SUNDAY);
                case "Weekday" -> days.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
                case "WeekendDay" -> days.addAll(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
                case "Day" -> days.addAll(EnumSet.allOf(DayOfWeek.class));
                default -> { }
            }
        }
        long start = hours.startMinutes();
        long end = hours.endMinutes();
        if (days.isEmpty() || start < 0 || end > 24 * 60 || end <= start) {
            return Optional.empty();
        }
        LocalTime endTime = end == 24 * 60 ? LocalTime.of(23, 59) : LocalTime.ofSecondOfDay(end * 60);
        return Optional.of(new WorkingWeek(days, LocalTime.ofSecondOfDay(start * 60), endTime));
    }

    /**
     * Collects the answers of the requests for {@code requestWindows} (in that order) per mailbox, in
     * request order. An interval that starts before a later request's window was already reported by
     * the earlier one; an error in any request makes the mailbox unavailable.
     */
    static Map<MailboxAddress, MailboxBusyTime> collect(List<MailboxAddress> mailboxes, TimeWindow window,
            List<TimeWindow> requestWindows, List<List<MailboxAnswer>> answers) {
        Map<MailboxAddress, List<BusyInterval>> known = new LinkedHashMap<>();
        Map<MailboxAddress, MailboxBusyTime> unavailable = new LinkedHashMap<>();
        Map<MailboxAddress, WorkingWeek> workingWeeks = new LinkedHashMap<>();
        for (int r = 0; r < answers.size(); r++) {
            Instant notBefore = r == 0 ? Instant.MIN : requestWindows.get(r).start();
            for (int i = 0; i < mailboxes.size(); i++) {
                MailboxAddress mailbox = mailboxes.get(i);
                MailboxAnswer answer = answers.get(r).get(i);
                if (answer instanceof Failed failed) {
                    ServiceError code = EwsFailures.serviceError(failed.responseCode());
                    unavailable.putIfAbsent(mailbox, new MailboxBusyTime.Unavailable(
                            EwsFailures.mailboxProblem(code), EwsFailures.mailboxDetail(code, failed.messageText())));
                    continue;
                }
                Answered answered = (Answered) answer;
                workingWeekOf(answered.workingHours()).ifPresent(week -> workingWeeks.putIfAbsent(mailbox, week));
                List<BusyInterval> intervals = known.computeIfAbsent(mailbox, m -> new ArrayList<>());
                for (Event event : answered.events()) {
                    if (event.start() != null && !event.start().isBefore(notBefore)) {
                        toInterval(event, window).ifPresent(intervals::add);
                    }
                }
            }
        }
        Map<MailboxAddress, MailboxBusyTime> result = new LinkedHashMap<>();
        for (MailboxAddress mailbox : mailboxes) {
            MailboxBusyTime failed = unavailable.get(mailbox);
            if (failed != null) {
                result.put(mailbox, failed);
            } else {
                List<BusyInterval> intervals = known.getOrDefault(mailbox, List.of()).stream()
                        .sorted(Comparator.comparing(BusyInterval::start).thenComparing(BusyInterval::end)
                                .thenComparing(BusyInterval::type))
                        .toList();
                result.put(mailbox, new MailboxBusyTime.Known(intervals, Optional.ofNullable(workingWeeks.get(mailbox))));
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /** The event's busy span clipped to the window; empty for free time, or nothing left after clipping. */
    static java.util.Optional<BusyInterval> toInterval(Event event, TimeWindow window) {
        BusyType type = busyType(event.busyType());
        if (type == BusyType.FREE || event.start() == null || event.end() == null) {
            return java.util.Optional.empty();
        }
        return clip(event.start(), event.end(), type, window);
    }

    static java.util.Optional<BusyInterval> clip(Instant start, Instant end, BusyType type, TimeWindow window) {
        Instant from = start.isBefore(window.start()) ? window.start() : start;
        Instant to = end.isAfter(window.end()) ? window.end() : end;
        return from.isBefore(to) ? java.util.Optional.of(new BusyInterval(from, to, type)) : java.util.Optional.empty();
    }

    /** A LegacyFreeBusyType name; WorkingElsewhere, and anything the schema does not name, is WORKING_ELSEWHERE. */
    static BusyType busyType(String legacyFreeBusyType) {
        if (legacyFreeBusyType == null) {
            return BusyType.WORKING_ELSEWHERE;
        }
        return switch (legacyFreeBusyType) {
            case "Free" -> BusyType.FREE;
            case "Tentative" -> BusyType.TENTATIVE;
            case "Busy" -> BusyType.BUSY;
            case "OOF" -> BusyType.OOF;
            case "NoData" -> BusyType.NO_DATA;
            default -> BusyType.WORKING_ELSEWHERE;
        };
    }
}
