package org.corpconnect.sim.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.corpconnect.sim.calendar.BusyType;
import org.corpconnect.sim.calendar.LegacyTimeZone;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.WorkingHours;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsFault;
import org.corpconnect.sim.soap.XmlWriter;
import org.w3c.dom.Element;

/**
 * The meeting suggestions of GetUserAvailability (suggestionsviewoptions.md): candidate times every
 * 30 minutes of each day of DetailedSuggestionsWindow, rated by the share of attendees free then
 * (Excellent: all; Good: at least GoodThreshold percent; Fair: some; Poor: none). Work time is the
 * organizer's working hours. The best candidates of each day, up to MaximumResultsByDay (and
 * MaximumNonWorkHourResultsByDay outside work time), at MinimumSuggestionQuality or better, are
 * returned in time order. Exchange's exact ranking is not documented; this one is plausible and stable.
 */
final class MeetingSuggestions {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final List<String> QUALITIES = List.of("Excellent", "Good", "Fair", "Poor");

    record Attendee(String address, String type) {
    }

    private record Candidate(LocalDateTime start, boolean workTime, int quality, List<Optional<BusyType>> conflicts) {
    }

    private MeetingSuggestions() {
    }

    static void write(EwsCall call, XmlWriter w, LegacyTimeZone tz, List<Attendee> attendees, Element options) {
        int goodThreshold = Dom.text(options, "GoodThreshold").map(Integer::parseInt).orElse(25);
        int maxPerDay = Dom.text(options, "MaximumResultsByDay").map(Integer::parseInt).orElse(10);
        int maxNonWork = Dom.text(options, "MaximumNonWorkHourResultsByDay").map(Integer::parseInt).orElse(0);
        int minutes = Dom.text(options, "MeetingDurationInMinutes").map(Integer::parseInt).orElse(30);
        int minimum = QUALITIES.indexOf(Dom.text(options, "MinimumSuggestionQuality").orElse("Fair"));
        Element window = Dom.child(options, "DetailedSuggestionsWindow").orElseThrow();
        LocalDateTime from = localOf(Dom.text(window, "StartTime").orElseThrow(), tz);
        LocalDateTime to = localOf(Dom.text(window, "EndTime").orElseThrow(), tz);
        if (Duration.between(from, to).compareTo(GetUserAvailability.MAX_WINDOW) > 0) {
            throw new EwsFault("ErrorTimeIntervalTooBig",
                    "The time duration specified for DetailedSuggestionsWindow is too big. The allowed maximum is 42 days.");
        }
        if (goodThreshold < 1 || goodThreshold > 49 || minutes < 30 || minutes > 1440) {
            throw new EwsFault("ErrorInvalidArgument", "GoodThreshold must be 1-49 and MeetingDurationInMinutes 30-1440.");
        }
        Attendee organizerEntry = attendees.stream().filter(a -> "Organizer".equals(a.type())).findFirst()
                .orElse(attendees.get(0));
        Optional<Mailbox> organizer = call.directory().find(organizerEntry.address());
        List<Optional<Mailbox>> mailboxes = attendees.stream()
                .map(a -> call.directory().find(a.address()).filter(m -> call.accessTo(m).seesFreeBusy())).toList();
        List<List<Occurrence>> busy = mailboxes.stream().map(m -> m.map(x -> x.calendar().occurrences(
                tz.toInstant(from), tz.toInstant(to).plus(Duration.ofMinutes(minutes))).stream()
                .filter(o -> o.freeBusy() != BusyType.Free).toList()).orElse(List.of())).toList();

        w.start("m:SuggestionsResponse");
        w.start("m:ResponseMessage").attr("ResponseClass", "Success").element("m:ResponseCode", "NoError").end();
        w.start("m:SuggestionDayResultArray");
        for (LocalDate day = from.toLocalDate(); day.atStartOfDay().isBefore(to); day = day.plusDays(1)) {
            List<Candidate> candidates = new ArrayList<>();
            for (LocalDateTime s = day.atStartOfDay(); s.plusMinutes(minutes).isBefore(day.plusDays(1).atStartOfDay().plusSeconds(1));
                 s = s.plusMinutes(30)) {
                Instant start = tz.toInstant(s);
                Instant end = start.plus(Duration.ofMinutes(minutes));
                List<Optional<BusyType>> conflicts = new ArrayList<>();
                int free = 0;
                for (int i = 0; i < attendees.size(); i++) {
                    if (call.directory().find(attendees.get(i).address()).isEmpty()) {
                        conflicts.add(Optional.empty());
                        continue;
                    }
                    BusyType b = mailboxes.get(i).isEmpty() ? BusyType.NoData : busy.get(i).stream()
                            .filter(o -> o.overlaps(start, end)).map(Occurrence::freeBusy)
                            .max(Comparator.comparingInt(BusyType::rank)).orElse(BusyType.Free);
                    if (b == BusyType.Free || b == BusyType.WorkingElsewhere) {
                        free++;
                    }
                    conflicts.add(Optional.of(b));
                }
                int percent = free * 100 / attendees.size();
                int quality = percent == 100 ? 0 : percent >= goodThreshold ? 1 : percent > 0 ? 2 : 3;
                boolean workTime = organizer.map(o -> isWorkTime(o, start, end)).orElse(true);
                if (quality <= minimum) {
                    candidates.add(new Candidate(s, workTime, quality, conflicts));
                }
            }
            List<Candidate> chosen = new ArrayList<>();
            choose(candidates.stream().filter(Candidate::workTime).toList(), maxPerDay, chosen);
            choose(candidates.stream().filter(c -> !c.workTime()).toList(), maxNonWork, chosen);
            chosen.sort(Comparator.comparing(Candidate::start));
            w.start("t:SuggestionDayResult");
            w.element("t:Date", LOCAL.format(day.atStartOfDay()));
            w.element("t:DayQuality", QUALITIES.get(chosen.stream().mapToInt(Candidate::quality).min().orElse(3)));
            w.start("t:SuggestionArray");
            for (Candidate c : chosen) {
                w.start("t:Suggestion");
                w.element("t:MeetingTime", LOCAL.format(c.start()));
                w.element("t:IsWorkTime", c.workTime());
                w.element("t:SuggestionQuality", QUALITIES.get(c.quality()));
                w.start("t:AttendeeConflictDataArray");
                for (Optional<BusyType> conflict : c.conflicts()) {
                    if (conflict.isEmpty()) {
                        w.empty("t:UnknownAttendeeConflictData");
                    } else {
                        w.start("t:IndividualAttendeeConflictData")
                                .element("t:BusyType", call.version().visible(conflict.get()).name()).end();
                    }
                }
                w.end();
                w.end();
            }
            w.end();
            w.end();
        }
        w.end();
        w.end();
    }

    /** The best candidates first, earlier ones winning ties. */
    private static void choose(List<Candidate> candidates, int max, List<Candidate> into) {
        candidates.stream().sorted(Comparator.comparingInt(Candidate::quality).thenComparing(Candidate::start))
                .limit(Math.max(0, max)).forEach(into::add);
    }

    private static boolean isWorkTime(Mailbox organizer, Instant start, Instant end) {
        WorkingHours hours = organizer.workingHours();
        ZonedDateTime s = start.atZone(organizer.timeZone());
        ZonedDateTime e = end.atZone(organizer.timeZone());
        return hours.days().contains(s.getDayOfWeek()) && s.toLocalDate().equals(e.toLocalDate())
                && !s.toLocalTime().isBefore(hours.start()) && !e.toLocalTime().isAfter(hours.end());
    }

    private static LocalDateTime localOf(String value, LegacyTimeZone tz) {
        return Dom.hasOffset(value) ? tz.toLocal(Dom.dateTime(value, null)) : LocalDateTime.parse(value);
    }
}
