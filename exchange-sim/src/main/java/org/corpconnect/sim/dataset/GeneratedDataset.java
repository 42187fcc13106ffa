package org.corpconnect.sim.dataset;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.corpconnect.sim.calendar.BusyType;
import org.corpconnect.sim.calendar.Recurrence;
import org.corpconnect.sim.calendar.Sensitivity;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.ImpersonationScope;
import org.corpconnect.sim.directory.WorkingHours;

/**
 * N mailboxes user00001@contoso.test ... with 42 days of events each (two recurring series and about
 * two single meetings a working day), all impersonable by the service mailbox. Series keep memory small
 * at 10,000 mailboxes: occurrences are expanded per request, as Exchange expands them per view.
 */
final class GeneratedDataset {
    private static final ZoneId[] ZONES = {ZoneId.of("Europe/Berlin"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo")};

    private GeneratedDataset() {
    }

    static Dataset create(int count, LocalDate monday) {
        List<Dataset.MailboxSpec> mailboxes = new ArrayList<>(count + 1);
        mailboxes.add(new Dataset.MailboxSpec(DemoDataset.SERVICE, "Booking Service", DemoDataset.SERVICE_PASSWORD,
                DemoDataset.HOME, WorkingHours.weekdays(LocalTime.MIN, LocalTime.of(23, 59)),
                CalendarAccess.FREE_BUSY_TIME_ONLY, Map.of(), List.of()));
        for (int i = 1; i <= count; i++) {
            ZoneId zone = ZONES[i % ZONES.length];
            WorkingHours hours = WorkingHours.weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0));
            Random random = new Random(i);
            List<Dataset.EventSpec> events = new ArrayList<>();
            events.add(DemoDataset.recurring("Daily stand-up", "Teams", zone, monday, LocalTime.of(9, 30), 15,
                    Recurrence.weekly(1, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), monday, null, null),
                    BusyType.Busy));
            events.add(DemoDataset.recurring("Weekly review", "Room 1", zone, monday, LocalTime.of(15, 0), 60,
                    Recurrence.weekly(1, EnumSet.of(DayOfWeek.of(1 + random.nextInt(5))), monday, null, null),
                    BusyType.Busy));
            events.add(DemoDataset.recurring("Customer calls", "Phone", zone, monday, LocalTime.of(10 + random.nextInt(3), 0), 60,
                    Recurrence.weekly(1, EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), monday, null, null),
                    random.nextInt(4) == 0 ? BusyType.Tentative : BusyType.Busy));
            events.add(DemoDataset.recurring("Focus time", null, zone, monday, LocalTime.of(13, 30), 90,
                    Recurrence.weekly(1, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), monday, null, null),
                    BusyType.Busy));
            events.add(DemoDataset.recurring("1:1", "Office", zone, monday, LocalTime.of(11, 30), 30,
                    Recurrence.weekly(2, EnumSet.of(DayOfWeek.FRIDAY), monday, null, null), BusyType.Busy));
            events.add(DemoDataset.recurring("Lunch", null, zone, monday, LocalTime.of(12, 0), 60,
                    Recurrence.daily(1, monday, null, null), BusyType.Free));
            // A handful of single meetings spread over the six weeks, so not every mailbox looks alike.
            for (int n = 0; n < 6; n++) {
                LocalDate date = monday.plusDays(random.nextInt(42));
                LocalTime start = LocalTime.of(8 + random.nextInt(8), random.nextBoolean() ? 0 : 30);
                events.add(DemoDataset.single("Meeting " + (n + 1), "Room " + random.nextInt(20), zone, date, start,
                        30 * (1 + random.nextInt(3)), random.nextInt(5) == 0 ? BusyType.Tentative : BusyType.Busy,
                        Sensitivity.Normal, true));
            }
            mailboxes.add(new Dataset.MailboxSpec(String.format("user%05d@%s", i, DemoDataset.DOMAIN),
                    String.format("User %05d", i), DemoDataset.USER_PASSWORD, zone, hours,
                    CalendarAccess.FREE_BUSY_TIME_ONLY, Map.of(), events));
        }
        return new Dataset(DemoDataset.DOMAIN, DemoDataset.SERVICE, mailboxes,
                Map.of(DemoDataset.SERVICE, ImpersonationScope.all()),
                List.of(new Directory.Application(DemoDataset.APP_CLIENT_ID, DemoDataset.APP_SECRET,
                        DemoDataset.APP_TENANT, ImpersonationScope.all())));
    }
}
