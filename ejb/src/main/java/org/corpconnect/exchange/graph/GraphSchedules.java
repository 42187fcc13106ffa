package org.corpconnect.exchange.graph;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.InvalidMailboxAddress;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.calendar.WorkingWeek;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.MailboxBusyTime;
import org.corpconnect.exchange.MailboxProblem;

/**
 * <a href="https://learn.microsoft.com/graph/api/calendar-getschedule">getSchedule</a>: the request
 * body, and the answer mapped to busy intervals. The records declare only status, start and end of a
 * schedule item: subject, location and the rest never enter the product.
 */
public final class GraphSchedules {

    /** Graph's limit of schedules per getSchedule request. */
    static final int MAX_SCHEDULES = 20;

    /** The interval of the availabilityView string, which the product does not read: the largest, the shortest answer. */
    private static final int VIEW_INTERVAL_MINUTES = 1440;

    private GraphSchedules() {
    }

    public record Request(List<String> schedules, GraphTime startTime, GraphTime endTime, int availabilityViewInterval) {
    }

    public record Answer(List<Schedule> value) {
    }

    public record Schedule(String scheduleId, List<Item> scheduleItems, Hours workingHours, ScheduleError error) {
    }

    public record Item(String status, GraphTime start, GraphTime end) {
    }

    public record Hours(List<String> daysOfWeek, String startTime, String endTime) {
    }

    public record ScheduleError(String message, String responseCode) {
    }

    static Request request(List<MailboxAddress> mailboxes, TimeWindow window) {
        return new Request(mailboxes.stream().map(MailboxAddress::value).toList(), GraphTime.utc(window.start()),
                GraphTime.utc(window.end()), VIEW_INTERVAL_MINUTES);
    }

    /**
     * Each asked mailbox's busy time within the window asked for (getSchedule returns an item that
     * overlaps the window whole, as EWS does; the gateway's answer ends at the window, as EWS's does);
     * one missing from the answer is unavailable, not free.
     */
    static Map<MailboxAddress, MailboxBusyTime> collect(List<MailboxAddress> asked, Answer answer, TimeWindow window,
            AccessMode mode) {
        Map<MailboxAddress, Schedule> byAddress = new LinkedHashMap<>();
        for (Schedule schedule : answer.value() == null ? List.<Schedule>of() : answer.value()) {
            addressOf(schedule.scheduleId()).ifPresent(address -> byAddress.put(address, schedule));
        }
        Map<MailboxAddress, MailboxBusyTime> result = new LinkedHashMap<>();
        for (MailboxAddress mailbox : asked) {
            Schedule schedule = byAddress.get(mailbox);
            result.put(mailbox, schedule == null
                    ? new MailboxBusyTime.Unavailable(MailboxProblem.OTHER, "Graph's answer had no schedule for " + mailbox + ".")
                    : busyTimeOf(schedule, window, mode));
        }
        return result;
    }

    private static MailboxBusyTime busyTimeOf(Schedule schedule, TimeWindow window, AccessMode mode) {
        if (schedule.error() != null) {
            return new MailboxBusyTime.Unavailable(GraphFailures.scheduleProblem(schedule.error().responseCode(), mode),
                    schedule.error().responseCode() + ": " + String.valueOf(schedule.error().message()));
        }
        List<BusyInterval> intervals = new ArrayList<>();
        for (Item item : schedule.scheduleItems() == null ? List.<Item>of() : schedule.scheduleItems()) {
            BusyType type = typeOf(item.status());
            if (type == BusyType.FREE || item.start() == null || item.end() == null) {
                continue;
            }
            // Each time parsed once: parsing is the largest share of a refresh's own CPU on Graph (JFR).
            Instant start = item.start().toInstant();
            Instant end = item.end().toInstant();
            if (end.isAfter(start)) {
                new BusyInterval(start, end, type).within(window).ifPresent(intervals::add);
            }
        }
        return new MailboxBusyTime.Known(intervals, workingWeekOf(schedule.workingHours()));
    }

    static BusyType typeOf(String status) {
        return switch (String.valueOf(status)) {
            case "free" -> BusyType.FREE;
            case "tentative" -> BusyType.TENTATIVE;
            case "busy" -> BusyType.BUSY;
            case "oof" -> BusyType.OOF;
            case "workingElsewhere" -> BusyType.WORKING_ELSEWHERE;
            default -> BusyType.NO_DATA;
        };
    }

    /** The working days and hours, in the mailbox's own zone; absent or odd values give none. */
    static Optional<WorkingWeek> workingWeekOf(Hours hours) {
        if (hours == null || hours.daysOfWeek() == null || hours.startTime() == null || hours.endTime() == null) {
            return Optional.empty();
        }
        try {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            hours.daysOfWeek().forEach(day -> days.add(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT))));
            LocalTime start = LocalTime.parse(hours.startTime());
            LocalTime end = LocalTime.parse(hours.endTime());
            if (days.isEmpty() || !end.isAfter(start)) {
                return Optional.empty();
            }
            return Optional.of(new WorkingWeek(days, start, end));
        } catch (IllegalArgumentException | DateTimeParseException odd) {
            return Optional.empty();
        }
    }

    private static Optional<MailboxAddress> addressOf(String scheduleId) {
        try {
            return Optional.of(new MailboxAddress(scheduleId));
        } catch (InvalidMailboxAddress notAnAddress) {
            return Optional.empty();
        }
    }
}
