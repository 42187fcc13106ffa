package org.corpconnect.exchange.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.BookingItem;
import org.corpconnect.exchange.CalendarAccessProbe;
import org.corpconnect.exchange.CalendarItemRef;
import org.corpconnect.exchange.CalendarWriteDenied;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ItemState;
import org.corpconnect.exchange.MailboxBusyTime;
import org.corpconnect.exchange.MailboxProblem;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.calendar.ExtendedPropertyKey;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.dataset.DemoAppCertificate;
import org.corpconnect.sim.dataset.DemoSignIns;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Graph gateway against the simulator's Graph side, over HTTPS with its own certificate, signed
 * in by MSAL4J as the demo organisation's central app (app-only, scoped by RBAC for Applications).
 */
class GraphGatewayTest {

    private static final MailboxAddress SERVICE = new MailboxAddress("booking-service@contoso.test");
    private static final MailboxAddress ANNA = new MailboxAddress("anna.schmidt@contoso.test");   // in the RBAC scope
    private static final MailboxAddress LUKAS = new MailboxAddress("lukas.weber@contoso.test");   // in the RBAC scope
    private static final MailboxAddress DAVID = new MailboxAddress("david.braun@contoso.test");   // outside it
    private static final MailboxAddress GHOST = new MailboxAddress("ghost@contoso.test");         // no such mailbox

    @TempDir
    static Path certificates;

    private static ExchangeSimulator sim;
    private static GraphGateway gateway;

    @BeforeAll
    static void start() throws IOException {
        Path pem = certificates.resolve("exchange-sim.pem");
        sim = ExchangeSimulator.builder().port(0).httpsPort(0).certificateFile(pem)
                .schemaDir(Path.of(System.getProperty("shared.dir")).resolve("ews-schema/exchange-online-2023"))
                .dataset(Dataset.demo()).validateResponses(true).start();
        assertTrue(Files.size(pem) > 0);
        // The app reads free/busy as the dedicated mailbox: the admin's RBAC scope includes it (README).
        sim.directory().groups().add(org.corpconnect.sim.directory.MailboxAddress.of(DemoSignIns.BOOKING_GROUP),
                org.corpconnect.sim.directory.MailboxAddress.of(SERVICE.value()));
        gateway = new GraphGateway();
        gateway.requestTimeoutMillis = 10_000;
        gateway.trustedCertificatesFile = Optional.of(pem.toString());
    }

    @AfterAll
    static void stop() {
        try {
            sim.assertAllResponsesValid();
        } finally {
            sim.close();
        }
    }

    @BeforeEach
    void reset() {
        sim.faults().clear();
        sim.requestLog().clear();
    }

    @Test
    void theCentralAppIsVerifiedAndAWrongSecretIsTheCredentialsFault() {
        gateway.verify(access(DemoSignIns.CENTRAL_SECRET, 1));

        CredentialRejected rejected = assertThrows(CredentialRejected.class,
                () -> gateway.verify(access("not-the-secret", 2)));
        assertFalse(rejected.getMessage().contains("not-the-secret"), rejected.getMessage());
    }

    @Test
    void oneTokenServesTheAppsRequestsWhileItLasts() {
        ExchangeAccess access = access(DemoSignIns.CENTRAL_SECRET, 11);
        sim.entra().signInLog().clear();
        for (int i = 0; i < 5; i++) {
            gateway.verify(access);
        }
        assertEquals(5, sim.requestLog().entries().stream().filter(e -> e.path().startsWith("/v1.0")).count());
        assertEquals(1, sim.entra().signInLog().entries().stream()
                .filter(e -> e.clientId().equals(DemoSignIns.CENTRAL_CLIENT_ID)).count(), "one token request");
    }

    @Test
    void theCentralAppSignsInWithItsCertificateAndAnotherCertificateIsRejected() {
        gateway.verify(certificateAccess(DemoAppCertificate.privateKeyPem() + DemoAppCertificate.certificatePem(), 3));

        String otherKey = selfSignedPem();
        assertThrows(CredentialRejected.class, () -> gateway.verify(certificateAccess(otherKey, 4)));
    }

    @Test
    void busyTimeOfTwentyFiveUsersIsTheSimulatorsCalendarWithNothingButStatusStartAndEnd() {
        List<MailboxAddress> users = sim.directory().mailboxes().stream()
                .map(m -> new MailboxAddress(m.address().value()))
                .filter(a -> !a.equals(SERVICE))
                .sorted(Comparator.comparing(MailboxAddress::value))
                .limit(25)
                .toList();
        Instant monday = Instant.now().truncatedTo(ChronoUnit.DAYS);
        TimeWindow window = new TimeWindow(monday, monday.plus(Duration.ofDays(42)));

        Map<MailboxAddress, MailboxBusyTime> busy = gateway.busyTimes(access(DemoSignIns.CENTRAL_SECRET, 1), users, window);

        assertEquals(Set.copyOf(users), busy.keySet());
        int inScope = 0;
        for (MailboxAddress user : users) {
            if (!inRbacScope(user)) {
                MailboxBusyTime.Unavailable outside = assertInstanceOf(MailboxBusyTime.Unavailable.class, busy.get(user), user.value());
                assertEquals(MailboxProblem.IMPERSONATION_DENIED, outside.problem(), user.value());
                continue;
            }
            inScope++;
            MailboxBusyTime.Known known = assertInstanceOf(MailboxBusyTime.Known.class, busy.get(user), user.value());
            assertEquals(calendarOf(user, window), known.intervals().stream().sorted(Comparator.comparing(BusyInterval::start)
                    .thenComparing(BusyInterval::end).thenComparing(BusyInterval::type)).toList(), user.value());
        }
        assertTrue(inScope >= 15 && inScope < users.size(), "the demo has users on both sides of the scope: " + inScope);
        List<RequestLogEntry> schedules = sim.requestLog().entries().stream()
                .filter(e -> "getSchedule".equals(e.operation())).toList();
        assertEquals(2, schedules.size(), "25 users in requests of at most 20");
        for (RequestLogEntry entry : schedules) {
            assertEquals(SERVICE.value(), entry.targetMailboxes().get(0).toLowerCase(), "asked as the dedicated mailbox");
        }
    }

    @Test
    void aBookingIsWrittenOnceFoundByItsIdMovedAndCancelled() {
        ExchangeAccess access = access(DemoSignIns.CENTRAL_SECRET, 1);
        String bookingId = UUID.randomUUID().toString();
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        BookingItem item = new BookingItem(bookingId, "Consultation", start, start.plus(Duration.ofMinutes(30)),
                Optional.of(new BookingItem.Invitee("Ines Invitee", "ines@example.org")));
        TimeWindow around = new TimeWindow(start.minus(Duration.ofDays(1)), start.plus(Duration.ofDays(1)));

        CalendarItemRef created = gateway.createBookingItem(access, ANNA, item);
        CalendarItemRef retried = gateway.createBookingItem(access, ANNA, item);

        assertEquals(created.itemId(), retried.itemId(), "the same transactionId returns the first event");
        assertEquals(1, itemsOf(ANNA, bookingId), "one event, however often it was asked for");
        assertEquals(Optional.of(created.itemId()),
                gateway.findBookingItem(access, ANNA, bookingId, around).map(CalendarItemRef::itemId));

        Instant later = start.plus(Duration.ofHours(2));
        CalendarItemRef moved = gateway.updateBookingItem(access, ANNA, created,
                new BookingItem(bookingId, "Consultation", later, later.plus(Duration.ofMinutes(30)), item.invitee()));
        assertEquals(created.itemId(), moved.itemId(), "the same event moved");
        // Anna's own demo meetings may overlap the new slot too: the moved booking must be among them.
        List<BusyInterval> atTheNewSlot = gateway.busyTimes(access, List.of(ANNA), new TimeWindow(later, later.plus(Duration.ofMinutes(30))))
                .values().stream().map(b -> ((MailboxBusyTime.Known) b).intervals()).findFirst().orElseThrow();
        assertTrue(atTheNewSlot.contains(new BusyInterval(later, later.plus(Duration.ofMinutes(30)), BusyType.BUSY)),
                atTheNewSlot.toString());

        gateway.deleteBookingItem(access, ANNA, moved, true);
        assertEquals(0, itemsOf(ANNA, bookingId));
        assertEquals(Optional.empty(), gateway.findBookingItem(access, ANNA, bookingId, around));
        gateway.deleteBookingItem(access, ANNA, moved, true); // gone already: not an error
    }

    @Test
    void theStateOfOwnEventsIsWhereEachIsNowOrGoneWithNothingElseRead() {
        ExchangeAccess access = access(DemoSignIns.CENTRAL_SECRET, 1);
        Instant start = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
        CalendarItemRef kept = gateway.createBookingItem(access, ANNA,
                new BookingItem(UUID.randomUUID().toString(), "Kept", start, start.plus(Duration.ofMinutes(30))));
        CalendarItemRef moved = gateway.createBookingItem(access, ANNA,
                new BookingItem(UUID.randomUUID().toString(), "Moved", start.plus(Duration.ofHours(1)), start.plus(Duration.ofHours(2))));
        CalendarItemRef deleted = gateway.createBookingItem(access, ANNA,
                new BookingItem(UUID.randomUUID().toString(), "Deleted", start.plus(Duration.ofHours(3)), start.plus(Duration.ofHours(4))));
        // As the user would in Outlook: one moved, one deleted.
        var calendar = sim.directory().get(ANNA.value()).calendar();
        calendar.update(org.corpconnect.sim.graph.ids.GraphIds.parseRest(moved.itemId()).orElseThrow().itemId(),
                item -> item.start(start.plus(Duration.ofHours(5))).end(start.plus(Duration.ofHours(6))));
        assertTrue(calendar.delete(org.corpconnect.sim.graph.ids.GraphIds.parseRest(deleted.itemId()).orElseThrow().itemId()));
        sim.requestLog().clear();

        Map<CalendarItemRef, ItemState> states = gateway.itemStates(access, ANNA, List.of(kept, moved, deleted));

        assertEquals(Map.of(
                kept, new ItemState.At(start, start.plus(Duration.ofMinutes(30))),
                moved, new ItemState.At(start.plus(Duration.ofHours(5)), start.plus(Duration.ofHours(6))),
                deleted, ItemState.GONE), states);
        List<RequestLogEntry> reads = sim.requestLog().entries();
        assertEquals(3, reads.size(), reads.toString());
        for (RequestLogEntry entry : reads) {
            assertEquals("getEvent", entry.operation(), entry.toString());
            if (entry.httpStatus() == 200) {
                assertEquals(Set.of("start", "end", "isCancelled"), Set.copyOf(entry.requestedProperties()), "nothing else asked: " + entry);
                assertTrue(Set.of("id", "start", "end", "isCancelled").containsAll(entry.returnedProperties()), "nothing else read: " + entry);
            }
        }
        gateway.deleteBookingItem(access, ANNA, kept, false);
        gateway.deleteBookingItem(access, ANNA, moved, false);
    }

    @Test
    void itemIdsAreTranslatedToEwsAndBackAndAnUnknownIdIsLeftOut() {
        ExchangeAccess access = access(DemoSignIns.CENTRAL_SECRET, 1);
        String bookingId = UUID.randomUUID().toString();
        Instant start = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
        CalendarItemRef event = gateway.createBookingItem(access, ANNA,
                new BookingItem(bookingId, "Consultation", start, start.plus(Duration.ofMinutes(30))));
        CalendarItemRef unknown = new CalendarItemRef("AAMkNotAnIdOfAnna", null);

        Map<CalendarItemRef, CalendarItemRef> toEws = gateway.translateItemRefs(access, ANNA, List.of(event, unknown), false);

        assertEquals(Set.of(event), toEws.keySet(), "an id Graph cannot translate is left out");
        CalendarItemRef ews = toEws.get(event);
        assertEquals(event.changeKey(), ews.changeKey());
        assertEquals(org.corpconnect.sim.graph.ids.GraphIds.parseRest(event.itemId()),
                org.corpconnect.sim.graph.ids.GraphIds.parseEws(ews.itemId()), "the EWS id names the same item");
        assertEquals(Map.of(ews, event), gateway.translateItemRefs(access, ANNA, List.of(ews), true));
        assertTrue(sim.requestLog().entries().stream().anyMatch(e -> "translateExchangeIds".equals(e.operation())));
        gateway.deleteBookingItem(access, ANNA, event, false);
    }

    @Test
    void aUserOutsideTheAppsScopeIsDeniedAndAMissingMailboxIsNamedSo() {
        ExchangeAccess access = access(DemoSignIns.CENTRAL_SECRET, 1);

        CalendarAccessProbe inScope = gateway.probe(access, ANNA);
        assertTrue(inScope.canRead() && inScope.canWrite(), inScope.detail());

        CalendarAccessProbe outside = gateway.probe(access, DAVID);
        assertFalse(outside.canRead() || outside.canWrite(), outside.detail());
        assertEquals(Optional.of(MailboxProblem.IMPERSONATION_DENIED), outside.problem());

        CalendarWriteDenied denied = assertThrows(CalendarWriteDenied.class, () -> gateway.createBookingItem(access, DAVID,
                new BookingItem(UUID.randomUUID().toString(), "x", Instant.now().plus(Duration.ofDays(2)),
                        Instant.now().plus(Duration.ofDays(2)).plus(Duration.ofMinutes(30)))));
        assertEquals(MailboxProblem.IMPERSONATION_DENIED, denied.problem());

        assertEquals(Optional.of(MailboxProblem.MAILBOX_NOT_FOUND), gateway.probe(access, GHOST).problem());
    }

    @Test
    void neverMoreThanFourRequestsAtOnceToOneMailbox() throws Exception {
        ExchangeAccess access = access(DemoSignIns.CENTRAL_SECRET, 1);
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        ExecutorService callers = Executors.newFixedThreadPool(12);
        try {
            List<Future<Map<MailboxAddress, MailboxBusyTime>>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(callers.submit(() -> gateway.busyTimes(access, List.of(ANNA, LUKAS),
                        new TimeWindow(today, today.plus(Duration.ofDays(7))))));
            }
            for (Future<Map<MailboxAddress, MailboxBusyTime>> call : calls) {
                assertEquals(2, call.get().size());
            }
        } finally {
            callers.shutdownNow();
        }
        assertTrue(sim.requestLog().entries().stream().noneMatch(e -> e.httpStatus() == 429),
                "Graph never had to refuse a fifth request in flight");
    }

    private static ExchangeAccess access(String secret, long generation) {
        return new ExchangeAccess(sim.httpsBaseUrl().resolve("/v1.0"), SERVICE, AccessMode.IMPERSONATION,
                new ExchangeCredential.GraphApp(sim.authorityUrl(DemoSignIns.TENANT.name()), DemoSignIns.CENTRAL_CLIENT_ID,
                        new ExchangeCredential.AppSecret.ClientSecret(Secret.of(secret), Optional.empty())), generation);
    }

    private static boolean inRbacScope(MailboxAddress user) {
        return sim.directory().groups().isMember(org.corpconnect.sim.directory.MailboxAddress.of(DemoSignIns.BOOKING_GROUP),
                org.corpconnect.sim.directory.MailboxAddress.of(user.value()));
    }

    private static ExchangeAccess certificateAccess(String pem, long generation) {
        return new ExchangeAccess(sim.httpsBaseUrl().resolve("/v1.0"), SERVICE, AccessMode.IMPERSONATION,
                new ExchangeCredential.GraphApp(sim.authorityUrl(DemoSignIns.TENANT.name()), DemoSignIns.CENTRAL_CLIENT_ID,
                        new ExchangeCredential.AppSecret.ClientCertificate(Secret.of(pem), Optional.empty())), generation);
    }

    /** A key and certificate of nobody's app: the simulator's own HTTPS certificate has no key here, so make one. */
    private static String selfSignedPem() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            java.security.KeyPair pair = generator.generateKeyPair();
            // The demo certificate with another key: Entra ID checks the assertion's signature against the
            // registered certificate, so this key's signature must fail.
            return "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n" + DemoAppCertificate.certificatePem();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The busy intervals the simulator's own calendar holds in the window, as Graph reports them. */
    private static List<BusyInterval> calendarOf(MailboxAddress user, TimeWindow window) {
        return sim.directory().get(user.value()).calendar().occurrences(window.start(), window.end()).stream()
                .map(o -> expected(o, window))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(BusyInterval::start).thenComparing(BusyInterval::end).thenComparing(BusyInterval::type))
                .collect(Collectors.toList());
    }

    private static Optional<BusyInterval> expected(Occurrence o, TimeWindow window) {
        BusyType type = switch (o.freeBusy()) {
            case Free -> null;
            case Tentative -> BusyType.TENTATIVE;
            case Busy -> BusyType.BUSY;
            case OOF -> BusyType.OOF;
            case WorkingElsewhere -> BusyType.WORKING_ELSEWHERE;
            case NoData -> BusyType.NO_DATA;
        };
        // Graph reports an event overlapping the window whole; the gateway clips it to the window, as EWS's does.
        Instant start = o.start().isBefore(window.start()) ? window.start() : o.start();
        Instant end = o.end().isAfter(window.end()) ? window.end() : o.end();
        return type == null || !start.isBefore(end) ? Optional.empty() : Optional.of(new BusyInterval(start, end, type));
    }

    /** The owner's items that carry this booking id in the booking's named property, however written. */
    private static long itemsOf(MailboxAddress owner, String bookingId) {
        ExtendedPropertyKey bookingIdProperty = new ExtendedPropertyKey(Map.of("PropertySetId",
                BookingItem.PROPERTY_SET.toString(), "PropertyName", BookingItem.BOOKING_ID_PROPERTY, "PropertyType", "String"));
        return sim.directory().get(owner.value()).calendar().items().stream()
                .filter(item -> List.of(bookingId).equals(item.extendedProperties().get(bookingIdProperty)))
                .count();
    }
}
