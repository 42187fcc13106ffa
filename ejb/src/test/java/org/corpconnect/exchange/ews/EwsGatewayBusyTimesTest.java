package org.corpconnect.exchange.ews;

import static org.corpconnect.exchange.ews.Simulated.*;
import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.calendar.WorkingWeek;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeThrottled;
import org.corpconnect.exchange.ExchangeUnreachable;
import org.corpconnect.exchange.MailboxBusyTime;
import org.corpconnect.exchange.MailboxProblem;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.calendar.Sensitivity;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.faults.FaultRule;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link EwsGateway#busyTimes} against the simulator: exact busy times, per-mailbox errors, limits, failures. */
class EwsGatewayBusyTimesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static ExchangeSimulator sim;
    private static LocalDate monday;
    private final EwsGateway gateway = gateway();

    @BeforeAll
    static void start() {
        sim = Simulated.start();
        monday = LocalDate.now(BERLIN).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    @AfterAll
    static void stop() {
        Simulated.stopChecked(sim);
    }

    @BeforeEach
    void clean() {
        Simulated.reset(sim);
    }

    private static Instant berlin(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(BERLIN).toInstant();
    }

    private Map<MailboxAddress, MailboxBusyTime> busyTimes(TimeWindow window, MailboxAddress... users) {
        return gateway.busyTimes(access(sim, AccessMode.IMPERSONATION), List.of(users), window);
    }

    private static void assertSameAsCalendar(Map<MailboxAddress, MailboxBusyTime> result, TimeWindow window,
                                             MailboxAddress... users) {
        assertEquals(List.of(users), new ArrayList<>(result.keySet()), "one entry per mailbox, in request order");
        for (MailboxAddress user : users) {
            MailboxBusyTime.Known known = assertInstanceOf(MailboxBusyTime.Known.class, result.get(user), user.value());
            assertEquals(calendarOf(sim, user, window), known.intervals(), user.value());
        }
    }

    @Test
    void aWeekOfSeveralUsersEqualsTheirCalendars() {
        // Midnight in Berlin is 23:00 UTC the day before: not a UTC day, as ews-java-api would send it.
        TimeWindow week = new TimeWindow(berlin(monday, 0, 0), berlin(monday.plusDays(7), 0, 0));
        MailboxAddress[] users = {ANNA, LUKAS, LAURA, JAMES, YUKI, MICHAEL, SARAH, HARUTO, DAVID};
        Map<MailboxAddress, MailboxBusyTime> result = busyTimes(week, users);

        assertSameAsCalendar(result, week, users);
        List<BusyInterval> anna = ((MailboxBusyTime.Known) result.get(ANNA)).intervals();
        assertTrue(anna.stream().anyMatch(i -> i.type() == BusyType.OOF), "doctor's appointment");
        assertTrue(anna.stream().anyMatch(i -> i.type() == BusyType.TENTATIVE));
        assertTrue(anna.stream().noneMatch(i -> i.type() == BusyType.WORKING_ELSEWHERE),
                "working from home: Exchange shows it as Free to an Exchange2010_SP2 client");
        assertTrue(anna.stream().noneMatch(i -> i.type() == BusyType.FREE), "lunch (Free) is left out");
        assertEquals(Optional.of(new WorkingWeek(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0),
                LocalTime.of(17, 0))), ((MailboxBusyTime.Known) result.get(ANNA)).workingWeek(), "her working hours, from Exchange");
        assertEquals(1, sim.requestLog().forOperation("GetUserAvailabilityRequest").size(), "one request for all");
    }

    @Test
    void theRequestAsksForFreeBusyOnlyAsTheDedicatedMailbox() {
        busyTimes(new TimeWindow(berlin(monday, 0, 0), berlin(monday.plusDays(1), 0, 0)), ANNA, SARAH, DAVID);

        List<RequestLogEntry> log = sim.requestLog().entries();
        assertEquals(1, log.size());
        RequestLogEntry request = log.get(0);
        assertEquals("GetUserAvailabilityRequest", request.operation());
        assertEquals("FreeBusy", request.requestedView(), "never Detailed: no subject, location or body");
        assertEquals(List.of(), request.requestedProperties());
        assertEquals(SERVICE, request.authenticatedAs());
        assertNull(request.impersonated(), "free/busy needs no impersonation, even in impersonation mode");
        assertEquals(List.of(ANNA.value(), SARAH.value(), DAVID.value()), request.targetMailboxes());
    }

    @Test
    void eventsAcrossMidnightAreCutAtTheWindowNotLost() {
        // Lukas's release night: Thursday 22:00 to Friday 01:00 in Berlin. The window ends at 00:30 in
        // Berlin, before 00:00 UTC: ews-java-api alone would have sent a window ending Thursday 00:00 UTC.
        LocalDate thursday = monday.plusDays(3);
        TimeWindow evening = new TimeWindow(berlin(thursday, 12, 0), berlin(thursday.plusDays(1), 0, 30));
        // And one of Anna's crossing midnight UTC, added through the simulator's typed API.
        Instant utcMidnight = thursday.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        sim.directory().get(ANNA.value()).calendar().add(Dataset.toItem(new Dataset.EventSpec("Late call", "Phone",
                utcMidnight.minus(Duration.ofMinutes(90)), utcMidnight.plus(Duration.ofMinutes(90)), false,
                org.corpconnect.sim.calendar.BusyType.Busy, Sensitivity.Normal, true, null, BERLIN, List.of()),
                org.corpconnect.sim.directory.MailboxAddress.of(ANNA.value())));

        Map<MailboxAddress, MailboxBusyTime> result = busyTimes(evening, LUKAS, ANNA, MICHAEL);

        assertSameAsCalendar(result, evening, LUKAS, ANNA, MICHAEL);
        assertTrue(((MailboxBusyTime.Known) result.get(LUKAS)).intervals().contains(
                new BusyInterval(berlin(thursday, 22, 0), evening.end(), BusyType.BUSY)), "release night, cut at 00:30");
        assertTrue(((MailboxBusyTime.Known) result.get(ANNA)).intervals().contains(
                new BusyInterval(utcMidnight.minus(Duration.ofMinutes(90)), evening.end(), BusyType.BUSY)));
    }

    @Test
    void aWindowAcrossTheClockChangeEqualsTheCalendar() {
        for (MailboxAddress user : List.of(ANNA, JAMES, LAURA)) {
            ZoneId zone = sim.directory().get(user.value()).timeZone();
            ZoneOffsetTransition change = nearestTransition(zone, monday.atStartOfDay(zone).toInstant());
            TimeWindow around = new TimeWindow(change.getInstant().minus(Duration.ofHours(61)),
                    change.getInstant().plus(Duration.ofHours(59)));

            Map<MailboxAddress, MailboxBusyTime> result = busyTimes(around, user);

            assertSameAsCalendar(result, around, user);
            List<BusyInterval> intervals = ((MailboxBusyTime.Known) result.get(user)).intervals();
            assertTrue(intervals.stream().anyMatch(i -> i.start().isBefore(change.getInstant())
                    && i.end().isAfter(change.getInstant())), "the on-call shift across the change, " + user);
            // The 15-minute stand-up keeps its local time, so its UTC time moves by the change.
            LocalTime standUp = sim.directory().get(user.value()).workingHours().start().plusMinutes(30);
            List<Instant> standUps = intervals.stream()
                    .filter(i -> Duration.between(i.start(), i.end()).equals(Duration.ofMinutes(15)))
                    .map(BusyInterval::start).toList();
            assertFalse(standUps.isEmpty(), user.value());
            assertTrue(standUps.stream().allMatch(s -> s.atZone(zone).toLocalTime().equals(standUp)), user.value());
            assertTrue(standUps.stream().map(s -> s.atOffset(ZoneOffset.UTC).toLocalTime()).distinct().count() == 2,
                    "stand-ups on both sides of the change, " + user);
        }
    }

    @Test
    void aWindowOf42DaysOffTheUtcDaysTakesTwoRequestsAndStaysExact() {
        TimeWindow sixWeeks = new TimeWindow(berlin(monday.minusWeeks(1), 0, 0), berlin(monday.plusWeeks(5), 0, 0));
        assertEquals(Duration.ofDays(42), sixWeeks.length());

        Map<MailboxAddress, MailboxBusyTime> result = busyTimes(sixWeeks, ANNA, YUKI, GHOST, LUKAS);

        assertEquals(List.of(ANNA, YUKI, GHOST, LUKAS), new ArrayList<>(result.keySet()));
        for (MailboxAddress user : List.of(ANNA, YUKI, LUKAS)) {
            assertEquals(calendarOf(sim, user, sixWeeks), ((MailboxBusyTime.Known) result.get(user)).intervals());
        }
        assertInstanceOf(MailboxBusyTime.Unavailable.class, result.get(GHOST));
        assertEquals(2, sim.requestLog().forOperation("GetUserAvailabilityRequest").size(),
                "43 whole UTC days cover it: Exchange takes 42 at most");
    }

    @Test
    void oneMailboxsErrorStandsBesideTheOthers() {
        TimeWindow day = new TimeWindow(berlin(monday.plusDays(1), 0, 0), berlin(monday.plusDays(2), 0, 0));

        Map<MailboxAddress, MailboxBusyTime> result = busyTimes(day, ANNA, GHOST, OLIVER, DAVID);

        assertEquals(List.of(ANNA, GHOST, OLIVER, DAVID), new ArrayList<>(result.keySet()));
        assertEquals(calendarOf(sim, ANNA, day), ((MailboxBusyTime.Known) result.get(ANNA)).intervals());
        MailboxBusyTime.Unavailable ghost = assertInstanceOf(MailboxBusyTime.Unavailable.class, result.get(GHOST));
        assertEquals(MailboxProblem.MAILBOX_NOT_FOUND, ghost.problem());
        assertTrue(ghost.detail().contains("ErrorMailRecipientNotFound"), ghost.detail());
        MailboxBusyTime.Unavailable oliver = assertInstanceOf(MailboxBusyTime.Unavailable.class, result.get(OLIVER));
        assertEquals(MailboxProblem.ACCESS_DENIED, oliver.problem(), "Default None: no free/busy");
        assertTrue(oliver.detail().contains("ErrorNoFreeBusyAccess"), oliver.detail());
        assertEquals(calendarOf(sim, DAVID, day), ((MailboxBusyTime.Known) result.get(DAVID)).intervals(),
                "the Default free/busy permission is enough");
    }

    @Test
    void moreThan100MailboxesOrMoreThan42DaysAreRefusedBeforeAnyRequest() {
        List<MailboxAddress> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(new MailboxAddress("user" + i + "@contoso.test"));
        }
        TimeWindow day = new TimeWindow(berlin(monday, 0, 0), berlin(monday.plusDays(1), 0, 0));
        ExchangeAccess access = access(sim, AccessMode.DELEGATION);
        assertThrows(IllegalArgumentException.class, () -> gateway.busyTimes(access, many, day));
        TimeWindow tooLong = new TimeWindow(day.start(), day.start().plus(Duration.ofDays(42)).plusSeconds(1));
        assertThrows(IllegalArgumentException.class, () -> gateway.busyTimes(access, List.of(ANNA), tooLong));
        assertEquals(List.of(), sim.requestLog().entries());

        Map<MailboxAddress, MailboxBusyTime> hundred = gateway.busyTimes(access, many.subList(0, 100), day);
        assertEquals(100, hundred.size());
        assertEquals(Map.of(), gateway.busyTimes(access, List.of(), day));
    }

    @Test
    void aWrongPasswordIsRejectedWithOneRequest() {
        TimeWindow day = new TimeWindow(berlin(monday, 0, 0), berlin(monday.plusDays(1), 0, 0));
        ExchangeAccess wrong = access(sim, AccessMode.IMPERSONATION, "not-the-password");

        CredentialRejected e = assertThrows(CredentialRejected.class,
                () -> gateway.busyTimes(wrong, List.of(ANNA), day));

        assertFalse(e.getMessage().contains("not-the-password"));
        List<RequestLogEntry> log = sim.requestLog().entries();
        assertEquals(1, log.size(), "a rejected password is never tried twice: " + log);
        assertEquals(RequestLogEntry.AuthOutcome.WRONG_PASSWORD, log.get(0).authOutcome());
    }

    @Test
    void throttlingBecomesExchangeThrottledWithTheBackOff() {
        TimeWindow day = new TimeWindow(berlin(monday, 0, 0), berlin(monday.plusDays(1), 0, 0));
        sim.faults().add(FaultRule.of(FaultRule.Kind.SERVER_BUSY).forOperation("GetUserAvailabilityRequest")
                .millis(4321).times(1));

        ExchangeThrottled busy = assertThrows(ExchangeThrottled.class, () -> busyTimes(day, ANNA, DAVID));
        assertEquals(Duration.ofMillis(4321), busy.backOff());
        assertEquals(1, sim.requestLog().entries().size(), "no retry inside the gateway");

        sim.faults().add(FaultRule.of(FaultRule.Kind.HTTP_503).times(1));
        ExchangeThrottled unavailable = assertThrows(ExchangeThrottled.class, () -> busyTimes(day, ANNA));
        assertEquals(EwsFailures.DEFAULT_BACK_OFF, unavailable.backOff());

        assertInstanceOf(MailboxBusyTime.Known.class, busyTimes(day, ANNA).get(ANNA), "back to normal");
    }

    @Test
    void theConcurrencyBudgetIsThrottlingToo() {
        TimeWindow day = new TimeWindow(berlin(monday, 0, 0), berlin(monday.plusDays(1), 0, 0));
        int budget = sim.throttle().budget();
        sim.throttle().setBudget(0);
        try {
            ExchangeThrottled e = assertThrows(ExchangeThrottled.class, () -> busyTimes(day, ANNA));
            assertEquals(Duration.ofMillis(sim.throttle().backOffMillis()), e.backOff());
        } finally {
            sim.throttle().setBudget(budget);
        }
    }

    @Test
    void noAnswerIsExchangeUnreachable() {
        TimeWindow day = new TimeWindow(berlin(monday, 0, 0), berlin(monday.plusDays(1), 0, 0));
        sim.faults().add(FaultRule.of(FaultRule.Kind.CONNECTION_RESET));
        assertThrows(ExchangeUnreachable.class, () -> busyTimes(day, ANNA));
        sim.faults().clear();

        ExchangeAccess nowhere = new ExchangeAccess(URI.create("http://127.0.0.1:1/EWS/Exchange.asmx"),
                new MailboxAddress(SERVICE), AccessMode.IMPERSONATION, access(sim, AccessMode.IMPERSONATION).credential(), 1);
        assertThrows(ExchangeUnreachable.class, () -> gateway.busyTimes(nowhere, List.of(ANNA), day));
    }

    private static ZoneOffsetTransition nearestTransition(ZoneId zone, Instant t) {
        ZoneOffsetTransition previous = zone.getRules().previousTransition(t);
        ZoneOffsetTransition next = zone.getRules().nextTransition(t);
        long before = Duration.between(previous.getInstant(), t).abs().getSeconds();
        long after = Duration.between(t, next.getInstant()).abs().getSeconds();
        return before <= after ? previous : next;
    }
}
