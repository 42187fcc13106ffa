package org.corpconnect.sim.dataset;

import static org.junit.jupiter.api.Assertions.*;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.corpconnect.sim.calendar.BusyType;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.calendar.Sensitivity;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.junit.jupiter.api.Test;

/** The demo facts the README promises. */
class DemoDatasetTest {
    private static final MailboxAddress SERVICE = MailboxAddress.of("booking-service@contoso.test");
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 23); // the week of the European DST change

    private static Directory load(LocalDate monday) {
        Directory d = new Directory();
        Dataset.demo(monday).applyTo(d);
        return d;
    }

    @Test
    void organisationServiceMailboxAndUsers() {
        Directory d = load(MONDAY);
        assertEquals("contoso.test", d.domain());
        assertEquals(26, d.size());
        assertTrue(d.get("booking-service@contoso.test").passwordMatches("Demo-Service-Pa55!"));
        assertTrue(d.get("anna.schmidt@contoso.test").passwordMatches("Demo-User-Pa55!"));
        Map<String, Long> zones = d.mailboxes().stream().collect(Collectors.groupingBy(m -> m.timeZone().getId(), Collectors.counting()));
        assertTrue(zones.get("Europe/Berlin") > 12, zones.toString());
        assertTrue(zones.containsKey("America/New_York") && zones.containsKey("Asia/Tokyo"));
    }

    @Test
    void everyDelegationStatusIsPresent() {
        Directory d = load(MONDAY);
        var scope = d.impersonationOf(SERVICE).orElseThrow();
        assertEquals(20, scope.mailboxes().size());
        assertTrue(scope.covers(MailboxAddress.of("anna.schmidt@contoso.test")));
        assertEquals(CalendarAccess.EDITOR, d.get("michael.brown@contoso.test").accessFor(SERVICE));
        assertEquals(CalendarAccess.REVIEWER, d.get("sarah.davis@contoso.test").accessFor(SERVICE));
        assertEquals(CalendarAccess.DELEGATE, d.get("haruto.sato@contoso.test").accessFor(SERVICE));
        assertEquals(CalendarAccess.FREE_BUSY_TIME_ONLY, d.get("david.braun@contoso.test").accessFor(SERVICE));
        assertEquals(CalendarAccess.NONE, d.get("oliver.smith@contoso.test").accessFor(SERVICE));
        for (String none : List.of("michael.brown", "sarah.davis", "haruto.sato", "david.braun", "oliver.smith")) {
            assertFalse(scope.covers(MailboxAddress.of(none + "@contoso.test")), none);
        }
    }

    @Test
    void realisticWeeksWithEveryKindOfAppointment() {
        Directory d = load(MONDAY);
        Instant from = MONDAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.DAYS);
        Instant to = from.plus(9, ChronoUnit.DAYS);
        List<Occurrence> all = d.mailboxes().stream().flatMap(m -> m.calendar().occurrences(from, to).stream()).toList();
        for (BusyType b : List.of(BusyType.Busy, BusyType.Tentative, BusyType.OOF, BusyType.WorkingElsewhere, BusyType.Free)) {
            assertTrue(all.stream().anyMatch(o -> o.freeBusy() == b), b.name());
        }
        assertTrue(all.stream().anyMatch(o -> o.item().allDay()));
        assertTrue(all.stream().anyMatch(o -> o.item().sensitivity() == Sensitivity.Private));
        assertTrue(all.stream().anyMatch(Occurrence::isRecurring));
        Mailbox lukas = d.get("lukas.weber@contoso.test");
        assertTrue(lukas.calendar().occurrences(from, to).stream().anyMatch(o ->
                !o.start().atZone(lukas.timeZone()).toLocalDate().equals(o.end().atZone(lukas.timeZone()).toLocalDate())
                        && !o.item().allDay()), "an event crossing midnight");
        Mailbox anna = d.get("anna.schmidt@contoso.test");
        assertTrue(anna.calendar().occurrences(from, to).stream().anyMatch(o ->
                !anna.timeZone().getRules().getOffset(o.start()).equals(anna.timeZone().getRules().getOffset(o.end()))),
                "an event across the DST change (29 March 2026)");
    }

    @Test
    void theSameWeekGivesTheSameData() {
        List<String> a = load(MONDAY).get("emma.koch@contoso.test").calendar().items().stream()
                .map(i -> i.subject() + i.start()).sorted().toList();
        List<String> b = load(MONDAY).get("emma.koch@contoso.test").calendar().items().stream()
                .map(i -> i.subject() + i.start()).sorted().toList();
        assertEquals(a, b);
        assertEquals(DayOfWeek.MONDAY, DemoDataset.thisWeek().getDayOfWeek());
    }
}
