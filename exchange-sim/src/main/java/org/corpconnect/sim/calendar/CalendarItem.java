package org.corpconnect.sim.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corpconnect.sim.directory.MailboxAddress;

/**
 * An appointment or meeting in one calendar: a single item or the master of a recurring series.
 * Mutable, but only through its {@link CalendarFolder}, which serialises writers; each change bumps
 * the change key, so a stale ChangeKey is detected as Exchange does.
 */
public final class CalendarItem {
    private final String id;
    private int version = 1;
    private String uid;
    private String subject = "";
    private String location;
    private String body;
    private String bodyType = "Text";
    private Instant start;
    private Instant end;
    private boolean allDay;
    private BusyType freeBusy = BusyType.Busy;
    private Sensitivity sensitivity = Sensitivity.Normal;
    private boolean meeting;
    private boolean cancelled;
    private MailboxAddress organizer;
    private List<String> requiredAttendees = new ArrayList<>();
    private List<String> optionalAttendees = new ArrayList<>();
    private ZoneId timeZone;
    private Recurrence recurrence;
    private final Set<Instant> deletedOccurrences = new HashSet<>();
    private final Map<Instant, OccurrenceChange> modifiedOccurrences = new HashMap<>();
    private final Map<ExtendedPropertyKey, List<String>> extendedProperties = new HashMap<>();
    private boolean reminderSet;
    private int reminderMinutesBeforeStart = 15;
    private MailboxAddress createdBy;
    private Instant created;
    private Instant lastModified;
    private List<String> categories = new ArrayList<>();
    // Graph's event.transactionId: the client's key against duplicate creates on retry.
    private String transactionId;

    public CalendarItem(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String changeKey() {
        return java.util.Base64.getEncoder().encodeToString(("CK" + version).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    void touch(Instant now) {
        version++;
        lastModified = now;
    }

    public CalendarItem copy() {
        CalendarItem c = new CalendarItem(id);
        c.version = version;
        c.uid = uid;
        c.subject = subject;
        c.location = location;
        c.body = body;
        c.bodyType = bodyType;
        c.start = start;
        c.end = end;
        c.allDay = allDay;
        c.freeBusy = freeBusy;
        c.sensitivity = sensitivity;
        c.meeting = meeting;
        c.cancelled = cancelled;
        c.organizer = organizer;
        c.requiredAttendees = new ArrayList<>(requiredAttendees);
        c.optionalAttendees = new ArrayList<>(optionalAttendees);
        c.timeZone = timeZone;
        c.recurrence = recurrence;
        c.deletedOccurrences.addAll(deletedOccurrences);
        c.modifiedOccurrences.putAll(modifiedOccurrences);
        extendedProperties.forEach((k, v) -> c.extendedProperties.put(k, List.copyOf(v)));
        c.reminderSet = reminderSet;
        c.reminderMinutesBeforeStart = reminderMinutesBeforeStart;
        c.createdBy = createdBy;
        c.created = created;
        c.lastModified = lastModified;
        c.categories = new ArrayList<>(categories);
        c.transactionId = transactionId;
        return c;
    }

    public String uid() { return uid; }
    public CalendarItem uid(String v) { uid = v; return this; }
    public String subject() { return subject; }
    public CalendarItem subject(String v) { subject = v == null ? "" : v; return this; }
    public String location() { return location; }
    public CalendarItem location(String v) { location = v; return this; }
    public String body() { return body; }
    public String bodyType() { return bodyType; }
    public CalendarItem body(String v, String type) { body = v; bodyType = type == null ? "Text" : type; return this; }
    public Instant start() { return start; }
    public CalendarItem start(Instant v) { start = v; return this; }
    public Instant end() { return end; }
    public CalendarItem end(Instant v) { end = v; return this; }
    public Duration duration() { return Duration.between(start, end); }
    public boolean allDay() { return allDay; }
    public CalendarItem allDay(boolean v) { allDay = v; return this; }
    public BusyType freeBusy() { return freeBusy; }
    public CalendarItem freeBusy(BusyType v) { freeBusy = v; return this; }
    public Sensitivity sensitivity() { return sensitivity; }
    public CalendarItem sensitivity(Sensitivity v) { sensitivity = v; return this; }
    public boolean meeting() { return meeting; }
    public CalendarItem meeting(boolean v) { meeting = v; return this; }
    public boolean cancelled() { return cancelled; }
    public CalendarItem cancelled(boolean v) { cancelled = v; return this; }
    public MailboxAddress organizer() { return organizer; }
    public CalendarItem organizer(MailboxAddress v) { organizer = v; return this; }
    public List<String> requiredAttendees() { return List.copyOf(requiredAttendees); }
    public CalendarItem requiredAttendees(List<String> v) { requiredAttendees = new ArrayList<>(v); return this; }
    public List<String> optionalAttendees() { return List.copyOf(optionalAttendees); }
    public CalendarItem optionalAttendees(List<String> v) { optionalAttendees = new ArrayList<>(v); return this; }
    public ZoneId timeZone() { return timeZone; }
    public CalendarItem timeZone(ZoneId v) { timeZone = v; return this; }
    public Recurrence recurrence() { return recurrence; }
    public CalendarItem recurrence(Recurrence v) { recurrence = v; return this; }
    public boolean isRecurringMaster() { return recurrence != null; }
    public Set<Instant> deletedOccurrences() { return Set.copyOf(deletedOccurrences); }
    public void deleteOccurrence(Instant originalStart) { deletedOccurrences.add(originalStart); modifiedOccurrences.remove(originalStart); }
    public Map<Instant, OccurrenceChange> modifiedOccurrences() { return Map.copyOf(modifiedOccurrences); }
    public void modifyOccurrence(Instant originalStart, OccurrenceChange change) { modifiedOccurrences.put(originalStart, change); }
    public Map<ExtendedPropertyKey, List<String>> extendedProperties() { return Map.copyOf(extendedProperties); }
    public CalendarItem extendedProperty(ExtendedPropertyKey key, List<String> values) { extendedProperties.put(key, List.copyOf(values)); return this; }
    public void removeExtendedProperty(ExtendedPropertyKey key) { extendedProperties.remove(key); }
    public boolean reminderSet() { return reminderSet; }
    public CalendarItem reminderSet(boolean v) { reminderSet = v; return this; }
    public int reminderMinutesBeforeStart() { return reminderMinutesBeforeStart; }
    public CalendarItem reminderMinutesBeforeStart(int v) { reminderMinutesBeforeStart = v; return this; }
    public MailboxAddress createdBy() { return createdBy; }
    public CalendarItem createdBy(MailboxAddress v) { createdBy = v; return this; }
    public Instant created() { return created; }
    public CalendarItem created(Instant v) { created = v; lastModified = v; return this; }
    public Instant lastModified() { return lastModified; }
    public List<String> categories() { return List.copyOf(categories); }
    public CalendarItem categories(List<String> v) { categories = new ArrayList<>(v); return this; }
    public String transactionId() { return transactionId; }
    public CalendarItem transactionId(String v) { transactionId = v; return this; }

    /** A changed occurrence of a series (an exception): new times and optionally new subject/location/status. */
    public record OccurrenceChange(Instant start, Instant end, String subject, String location, BusyType freeBusy) {
    }
}
