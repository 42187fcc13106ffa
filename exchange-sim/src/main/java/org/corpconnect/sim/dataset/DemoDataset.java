package org.corpconnect.sim.dataset;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.corpconnect.sim.calendar.BusyType;
import org.corpconnect.sim.calendar.Recurrence;
import org.corpconnect.sim.calendar.Sensitivity;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.ImpersonationScope;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.directory.WorkingHours;

/**
 * The demo organisation contoso.test. Every fact is derived from the Monday of the current week
 * (in Europe/Berlin, the organisation's home) and fixed seeds, so the data is always current and the
 * same for everyone on a given week. The README lists the facts.
 */
final class DemoDataset {
    static final String DOMAIN = "contoso.test";
    static final String SERVICE = "booking-service@contoso.test";
    static final String SERVICE_PASSWORD = "Demo-Service-Pa55!";
    static final String USER_PASSWORD = "Demo-User-Pa55!";
    static final String APP_CLIENT_ID = "corpconnect-demo-app";
    static final String APP_SECRET = "Demo-App-Secret-1!";
    static final String APP_TENANT = "contoso-test";
    static final ZoneId HOME = ZoneId.of("Europe/Berlin");

    /** name, zone, working-hours start, end; the order is the user number used in the README. */
    private static final String[][] USERS = {
            {"Anna Schmidt", "Europe/Berlin", "08:00", "17:00"},
            {"Lukas Weber", "Europe/Berlin", "09:00", "18:00"},
            {"Sophie Mueller", "Europe/Berlin", "08:30", "17:30"},
            {"Jonas Fischer", "Europe/Berlin", "07:30", "16:00"},
            {"Lea Wagner", "Europe/Berlin", "09:00", "17:00"},
            {"Felix Becker", "Europe/Berlin", "08:00", "16:30"},
            {"Marie Hoffmann", "Europe/Berlin", "09:00", "18:00"},
            {"Paul Schulz", "Europe/Berlin", "08:00", "17:00"},
            {"Emma Koch", "Europe/Berlin", "08:00", "14:00"},
            {"Leon Richter", "Europe/Berlin", "10:00", "19:00"},
            {"Mia Klein", "Europe/Berlin", "08:00", "17:00"},
            {"Noah Wolf", "Europe/Berlin", "09:00", "17:30"},
            {"Hannah Neumann", "Europe/Berlin", "08:30", "17:00"},
            {"Elias Schwarz", "Europe/Berlin", "08:00", "17:00"},
            {"Clara Zimmermann", "Europe/Berlin", "09:00", "17:00"},
            {"David Braun", "Europe/Berlin", "08:00", "17:00"},
            {"Laura Krueger", "Europe/London", "09:00", "17:30"},
            {"James Miller", "America/New_York", "09:00", "17:00"},
            {"Olivia Johnson", "America/New_York", "08:00", "16:00"},
            {"Michael Brown", "America/New_York", "09:00", "18:00"},
            {"Sarah Davis", "America/Chicago", "08:00", "17:00"},
            {"Yuki Tanaka", "Asia/Tokyo", "09:00", "18:00"},
            {"Haruto Sato", "Asia/Tokyo", "09:30", "18:30"},
            {"Priya Sharma", "Asia/Kolkata", "10:00", "19:00"},
            {"Oliver Smith", "Europe/London", "09:00", "17:30"}};

    /** Users (1-based) who grant the service mailbox a calendar folder permission instead of impersonation. */
    private static final Map<Integer, CalendarAccess> DELEGATE_GRANTS = Map.of(
            20, CalendarAccess.EDITOR, 21, CalendarAccess.REVIEWER, 23, CalendarAccess.DELEGATE);
    /** Users the service mailbox cannot reach at all (16: Default free/busy only; 25: Default None). */
    private static final Set<Integer> NO_ACCESS = Set.of(16, 25);

    private DemoDataset() {
    }

    static LocalDate thisWeek() {
        return LocalDate.now(HOME).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static String addressOf(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@" + DOMAIN;
    }

    static Dataset create(LocalDate monday) {
        List<Dataset.MailboxSpec> mailboxes = new ArrayList<>();
        mailboxes.add(new Dataset.MailboxSpec(SERVICE, "Booking Service", SERVICE_PASSWORD, HOME,
                WorkingHours.weekdays(LocalTime.of(0, 0), LocalTime.of(23, 59)), CalendarAccess.FREE_BUSY_TIME_ONLY,
                Map.of(), List.of()));
        Set<MailboxAddress> impersonable = new LinkedHashSet<>();
        for (int i = 1; i <= USERS.length; i++) {
            String[] u = USERS[i - 1];
            String address = addressOf(u[0]);
            ZoneId zone = ZoneId.of(u[1]);
            WorkingHours hours = WorkingHours.weekdays(LocalTime.parse(u[2]), LocalTime.parse(u[3]));
            Map<String, CalendarAccess> grants = new LinkedHashMap<>();
            CalendarAccess defaultAccess = i == 25 ? CalendarAccess.NONE : CalendarAccess.FREE_BUSY_TIME_ONLY;
            if (DELEGATE_GRANTS.containsKey(i)) {
                grants.put(SERVICE, DELEGATE_GRANTS.get(i));
            } else if (!NO_ACCESS.contains(i)) {
                impersonable.add(MailboxAddress.of(address));
            }
            if (i == 11) {
                // Mia also shares subject and location with the service mailbox: GetUserAvailability shows Detailed.
                grants.put(SERVICE, CalendarAccess.FREE_BUSY_TIME_AND_SUBJECT_AND_LOCATION);
            }
            mailboxes.add(new Dataset.MailboxSpec(address, u[0], USER_PASSWORD, zone, hours, defaultAccess, grants,
                    week(i, zone, hours, monday)));
        }
        return new Dataset(DOMAIN, SERVICE, mailboxes,
                Map.of(SERVICE, ImpersonationScope.only(impersonable)),
                List.of(new Directory.Application(APP_CLIENT_ID, APP_SECRET, APP_TENANT, ImpersonationScope.only(impersonable))),
                // The Graph apps' RBAC scope holds the same users the EWS side may impersonate.
                DemoSignIns.entra(impersonable));
    }

    /** A realistic six weeks (last week to four weeks ahead) for user number i. */
    private static List<Dataset.EventSpec> week(int i, ZoneId zone, WorkingHours hours, LocalDate monday) {
        List<Dataset.EventSpec> events = new ArrayList<>();
        LocalTime dayStart = hours.start();
        // A daily stand-up since eight weeks ago: the series crosses the most recent DST change.
        LocalDate seriesStart = monday.minusWeeks(8);
        events.add(recurring("Daily stand-up", "Teams", zone, seriesStart, dayStart.plusMinutes(30), 15,
                Recurrence.weekly(1, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), seriesStart, null, null),
                BusyType.Busy));
        events.add(recurring("Team meeting", "Room " + (100 + i), zone, seriesStart, LocalTime.of(14, 0), 60,
                Recurrence.weekly(1, EnumSet.of(DayOfWeek.TUESDAY), seriesStart, null, null), BusyType.Busy));
        events.add(recurring("1:1 with manager", "Manager's office", zone, monday.minusWeeks(4),
                LocalTime.of(11, 0), 30, Recurrence.weekly(2, EnumSet.of(DayOfWeek.THURSDAY), monday.minusWeeks(4),
                        monday.plusWeeks(12), null), BusyType.Busy));
        events.add(recurring("Lunch", null, zone, monday.minusWeeks(1), LocalTime.of(12, 0), 60,
                Recurrence.daily(1, monday.minusWeeks(1), monday.plusWeeks(5), null), BusyType.Free));

        events.add(single("Doctor's appointment", "Practice Dr. Lang", zone, monday.plusDays(2), LocalTime.of(8, 0), 90,
                BusyType.OOF, Sensitivity.Private, false));
        events.add(single("Architecture review (maybe)", "Room 301", zone, monday.plusDays(3), LocalTime.of(16, 0), 60,
                BusyType.Tentative, Sensitivity.Normal, true));
        if (i % 4 == 1) {
            events.add(allDay("Working from home", zone, monday.plusDays(2), 1, BusyType.WorkingElsewhere));
        }
        if (i % 5 == 3) {
            events.add(allDay("Vacation", zone, monday.plusDays(4), 3, BusyType.OOF));
        }
        if (i % 3 == 2) {
            events.add(single("Release deployment", "Ops room", zone, monday.plusDays(3), LocalTime.of(22, 0), 180,
                    BusyType.Busy, Sensitivity.Normal, true));
        }
        if (i % 6 == 0) {
            events.add(allDay("Conference", zone, monday.plusWeeks(1).plusDays(1), 2, BusyType.OOF));
        }
        // An on-call shift across the DST change nearest to this week, where the zone has one.
        ZonedDateTime weekStart = monday.atStartOfDay(zone);
        ZoneOffsetTransition next = zone.getRules().nextTransition(weekStart.toInstant());
        ZoneOffsetTransition previous = zone.getRules().previousTransition(weekStart.toInstant());
        ZoneOffsetTransition nearest = nearest(weekStart.toInstant(), previous, next);
        if (nearest != null) {
            Instant around = nearest.getInstant();
            events.add(new Dataset.EventSpec("On-call (clock change night)", "Home", around.minusSeconds(3 * 3600),
                    around.plusSeconds(3 * 3600), false, BusyType.Busy, Sensitivity.Normal, false, null, zone, List.of()));
        }
        Random random = new Random(1000L + i);
        String[] subjects = {"Customer call", "Project sync", "Interview", "Budget review", "Design workshop",
                "Training", "Sprint planning", "Partner meeting"};
        for (int week = 0; week < 5; week++) {
            for (int n = 0; n < 3; n++) {
                LocalDate day = monday.plusWeeks(week).plusDays(random.nextInt(5));
                int startMinute = hours.start().getHour() * 60 + 60 + random.nextInt(Math.max(1,
                        (hours.end().getHour() - hours.start().getHour() - 3))) * 60;
                LocalTime start = LocalTime.of(startMinute / 60, 0).plusMinutes(random.nextBoolean() ? 30 : 0);
                int minutes = 30 * (1 + random.nextInt(4));
                String subject = subjects[random.nextInt(subjects.length)];
                events.add(single(subject, "Room " + (200 + random.nextInt(50)), zone, day, start, minutes,
                        random.nextInt(6) == 0 ? BusyType.Tentative : BusyType.Busy,
                        random.nextInt(8) == 0 ? Sensitivity.Private : Sensitivity.Normal, true));
            }
        }
        return events;
    }

    private static ZoneOffsetTransition nearest(Instant t, ZoneOffsetTransition a, ZoneOffsetTransition b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        long da = Math.abs(t.getEpochSecond() - a.getInstant().getEpochSecond());
        long db = Math.abs(b.getInstant().getEpochSecond() - t.getEpochSecond());
        return da <= db ? a : b;
    }

    static Dataset.EventSpec single(String subject, String location, ZoneId zone, LocalDate day, LocalTime start,
                                    int minutes, BusyType busy, Sensitivity sensitivity, boolean meeting) {
        ZonedDateTime s = ZonedDateTime.of(day, start, zone);
        return new Dataset.EventSpec(subject, location, s.toInstant(), s.plusMinutes(minutes).toInstant(), false, busy,
                sensitivity, meeting, null, zone, List.of());
    }

    static Dataset.EventSpec allDay(String subject, ZoneId zone, LocalDate day, int days, BusyType busy) {
        return new Dataset.EventSpec(subject, null, day.atStartOfDay(zone).toInstant(),
                day.plusDays(days).atStartOfDay(zone).toInstant(), true, busy, Sensitivity.Normal, false, null, zone,
                List.of());
    }

    static Dataset.EventSpec recurring(String subject, String location, ZoneId zone, LocalDate firstDay, LocalTime start,
                                       int minutes, Recurrence recurrence, BusyType busy) {
        LocalDate first = recurrence.datesUntil(firstDay.plusWeeks(3)).get(0);
        ZonedDateTime s = ZonedDateTime.of(LocalDateTime.of(first, start), zone);
        return new Dataset.EventSpec(subject, location, s.toInstant(), s.plusMinutes(minutes).toInstant(), false, busy,
                Sensitivity.Normal, true, recurrence, zone, List.of());
    }
}
