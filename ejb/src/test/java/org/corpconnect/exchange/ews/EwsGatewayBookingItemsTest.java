package org.corpconnect.exchange.ews;

import static org.corpconnect.exchange.ews.Simulated.*;
import static org.junit.jupiter.api.Assertions.*;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import org.corpconnect.calendar.InvalidMailboxAddress;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.BookingItem;
import org.corpconnect.exchange.CalendarItemNotFound;
import org.corpconnect.exchange.CalendarItemRef;
import org.corpconnect.exchange.CalendarWriteDenied;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeOutcomeUnknown;
import org.corpconnect.exchange.ExchangeUnreachable;
import org.corpconnect.exchange.ItemState;
import org.corpconnect.exchange.MailboxProblem;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.calendar.CalendarItem;
import org.corpconnect.sim.calendar.ExtendedPropertyKey;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.ImpersonationScope;
import org.corpconnect.sim.faults.FaultRule;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A booking's calendar item: create, find, move, delete, through impersonation and as a delegate. */
class EwsGatewayBookingItemsTest {
    private static final ExtendedPropertyKey BOOKING_ID_KEY = new ExtendedPropertyKey(Map.of(
            "PropertySetId", BookingItem.PROPERTY_SET.toString(),
            "PropertyName", BookingItem.BOOKING_ID_PROPERTY,
            "PropertyType", "String"));
    private static final Set<String> WRITING_OPERATIONS = Set.of("CreateItem", "FindItem", "GetItem", "UpdateItem",
            "DeleteItem");
    /** What itemStates reads of a booking's own item besides its id: where it is, and whether it is cancelled. */
    private static final Set<String> STATE_FIELDS = Set.of("calendar:Start", "calendar:End", "calendar:IsCancelled");
    private static final Instant DAY = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(20, ChronoUnit.DAYS);

    private static ExchangeSimulator sim;
    private final EwsGateway gateway = gateway();

    @BeforeAll
    static void start() {
        sim = Simulated.start();
        // App-only delegation acts as the dedicated mailbox: the app's access policy must include it.
        Directory.Application demo = sim.directory().application(EwsGatewayOAuthTest.CLIENT_ID).orElseThrow();
        Set<org.corpconnect.sim.directory.MailboxAddress> scope = new HashSet<>(demo.scope().mailboxes());
        scope.add(org.corpconnect.sim.directory.MailboxAddress.of(SERVICE));
        sim.directory().registerApplication(new Directory.Application(demo.clientId(), demo.clientSecret(),
                demo.tenantId(), ImpersonationScope.only(scope)));
    }

    @AfterAll
    static void stop() {
        Simulated.stopChecked(sim);
    }

    @BeforeEach
    void clean() {
        Simulated.reset(sim);
    }

    /** Whatever a test did, no request read anything of any item but its id and the booking id. */
    @AfterEach
    void noItemDetailsWereAskedFor() {
        for (RequestLogEntry entry : sim.requestLog().entries()) {
            assertTrue(entry.operation() == null || WRITING_OPERATIONS.contains(entry.operation()), entry.toString());
            if (Set.of("FindItem", "GetItem").contains(entry.operation())) {
                for (String property : entry.requestedProperties()) {
                    assertTrue(property.equals("BaseShape:IdOnly") || property.equals("Extended:" + BOOKING_ID_KEY.attributes())
                                    || STATE_FIELDS.contains(property),
                            "asked for " + property + ": " + entry);
                }
            }
        }
    }

    private static String newBookingId() {
        return "booking-" + UUID.randomUUID();
    }

    private static BookingItem booking(String id, int hour) {
        return new BookingItem(id, "Desk 4.12 (booked)", DAY.plus(hour, ChronoUnit.HOURS),
                DAY.plus(hour, ChronoUnit.HOURS).plus(90, ChronoUnit.MINUTES));
    }

    private static TimeWindow dayWindow() {
        return new TimeWindow(DAY, DAY.plus(1, ChronoUnit.DAYS));
    }

    /** The items of the owner's calendar (in the simulator itself) carrying this booking id. */
    private static List<CalendarItem> itemsOf(MailboxAddress owner, String bookingId) {
        return sim.directory().get(owner.value()).calendar().items().stream()
                .filter(i -> List.of(bookingId).equals(i.extendedProperties().get(BOOKING_ID_KEY)))
                .toList();
    }

    private static CalendarItem theItemOf(MailboxAddress owner, String bookingId) {
        List<CalendarItem> items = itemsOf(owner, bookingId);
        assertEquals(1, items.size(), "exactly one item for " + bookingId + ": " + items);
        return items.get(0);
    }

    /** Exactly what a booking writes, nothing more. */
    private static void assertCarriesExactly(BookingItem booking, CalendarItem item) {
        assertEquals(booking.subject(), item.subject());
        assertEquals(booking.start(), item.start());
        assertEquals(booking.end(), item.end());
        assertEquals(org.corpconnect.sim.calendar.BusyType.Busy, item.freeBusy());
        assertEquals(Map.of(BOOKING_ID_KEY, List.of(booking.bookingId())), item.extendedProperties());
        assertEquals(booking.invitee().map(i -> List.of(i.email())).orElse(List.of()), item.requiredAttendees());
        assertEquals(booking.invitee().isPresent(), item.meeting());
        assertEquals(List.of(), item.optionalAttendees());
        assertNull(item.location());
        assertNull(item.body());
        assertEquals(List.of(), item.categories());
        assertFalse(item.reminderSet());
        assertFalse(item.allDay());
        assertNull(item.recurrence());
        assertEquals(ZoneId.of("UTC"), item.timeZone(), "start and end time zone UTC");
    }

    @Test
    void createFindMoveAndDeleteThroughImpersonation() {
        ExchangeAccess access = access(sim, AccessMode.IMPERSONATION);
        String id = newBookingId();
        BookingItem booking = booking(id, 9);

        CalendarItemRef created = gateway.createBookingItem(access, ANNA, booking);
        assertCarriesExactly(booking, theItemOf(ANNA, id));
        RequestLogEntry create = sim.requestLog().forOperation("CreateItem").get(0);
        assertEquals(SERVICE, create.authenticatedAs());
        assertEquals(ANNA.value(), create.impersonated());
        assertEquals(ANNA.value(), create.anchorMailbox());

        assertEquals(Optional.of(created), gateway.findBookingItem(access, ANNA, id, dayWindow()));
        assertEquals(Optional.empty(), gateway.findBookingItem(access, ANNA, newBookingId(), dayWindow()));
        assertEquals(Optional.empty(), gateway.findBookingItem(access, ANNA, id,
                new TimeWindow(DAY.minus(1, ChronoUnit.DAYS), DAY)), "outside the window");

        BookingItem moved = new BookingItem(id, "Desk 4.14 (booked)", DAY.plus(13, ChronoUnit.HOURS),
                DAY.plus(15, ChronoUnit.HOURS));
        CalendarItemRef updated = gateway.updateBookingItem(access, ANNA, created, moved);
        assertEquals(created.itemId(), updated.itemId());
        assertNotEquals(created.changeKey(), updated.changeKey(), "a new version");
        assertCarriesExactly(moved, theItemOf(ANNA, id));
        assertEquals(Optional.of(updated), gateway.findBookingItem(access, ANNA, id, dayWindow()));
        RequestLogEntry update = sim.requestLog().forOperation("UpdateItem").get(0);
        assertEquals(ANNA.value(), update.impersonated());

        gateway.deleteBookingItem(access, ANNA, updated, false);
        assertEquals(List.of(), itemsOf(ANNA, id));
        assertEquals(Optional.empty(), gateway.findBookingItem(access, ANNA, id, dayWindow()));
        gateway.deleteBookingItem(access, ANNA, updated, false); // already gone: fine
        assertThrows(CalendarItemNotFound.class, () -> gateway.updateBookingItem(access, ANNA, updated, moved));
    }

    @Test
    void theStateOfOwnItemsIsWhereEachIsNowOrGoneInOneGetItem() {
        ExchangeAccess access = access(sim, AccessMode.IMPERSONATION);
        String keptId = newBookingId();
        String movedId = newBookingId();
        String deletedId = newBookingId();
        CalendarItemRef kept = gateway.createBookingItem(access, ANNA, booking(keptId, 8));
        CalendarItemRef moved = gateway.createBookingItem(access, ANNA, booking(movedId, 10));
        CalendarItemRef deleted = gateway.createBookingItem(access, ANNA, booking(deletedId, 12));
        // As the user would in Outlook: one moved, one deleted.
        var calendar = sim.directory().get(ANNA.value()).calendar();
        calendar.update(theItemOf(ANNA, movedId).id(), item -> item.start(DAY.plus(15, ChronoUnit.HOURS)).end(DAY.plus(16, ChronoUnit.HOURS)));
        assertTrue(calendar.delete(theItemOf(ANNA, deletedId).id()));
        sim.requestLog().clear();

        Map<CalendarItemRef, ItemState> states = gateway.itemStates(access, ANNA, List.of(kept, moved, deleted));

        assertEquals(Map.of(
                kept, new ItemState.At(DAY.plus(8, ChronoUnit.HOURS), DAY.plus(8, ChronoUnit.HOURS).plus(90, ChronoUnit.MINUTES)),
                moved, new ItemState.At(DAY.plus(15, ChronoUnit.HOURS), DAY.plus(16, ChronoUnit.HOURS)),
                deleted, ItemState.GONE), states);
        List<RequestLogEntry> requests = sim.requestLog().entries();
        assertEquals(1, requests.size(), "one GetItem for the three: " + requests);
        assertEquals("GetItem", requests.get(0).operation());
        assertEquals(ANNA.value(), requests.get(0).impersonated());
        assertEquals(Map.of(), gateway.itemStates(access, ANNA, List.of()), "nothing asked, nothing sent");
    }

    @Test
    void anInviteeMakesAMeetingAndGetsTheCancellation() {
        ExchangeAccess access = access(sim, AccessMode.IMPERSONATION);
        String id = newBookingId();
        BookingItem booking = new BookingItem(id, "Meeting room Elbe", DAY.plus(10, ChronoUnit.HOURS),
                DAY.plus(11, ChronoUnit.HOURS), new BookingItem.Invitee("James Miller", JAMES.value()));

        CalendarItemRef created = gateway.createBookingItem(access, LAURA, booking);
        CalendarItem item = theItemOf(LAURA, id);
        assertCarriesExactly(booking, item);
        assertEquals(1, invitationsOf(JAMES, item).size(), "the invitee received the meeting");

        BookingItem moved = new BookingItem(id, "Meeting room Elbe", DAY.plus(11, ChronoUnit.HOURS),
                DAY.plus(12, ChronoUnit.HOURS), new BookingItem.Invitee("James Miller", JAMES.value()));
        CalendarItemRef updated = gateway.updateBookingItem(access, LAURA, created, moved);
        assertCarriesExactly(moved, theItemOf(LAURA, id));

        gateway.deleteBookingItem(access, LAURA, updated, true);
        assertEquals(List.of(), itemsOf(LAURA, id));
        assertTrue(invitationsOf(JAMES, item).stream().allMatch(CalendarItem::cancelled), "the invitee's copy is cancelled");
    }

    @Test
    void theInviteeCanBeRemovedAndReplaced() {
        ExchangeAccess access = access(sim, AccessMode.IMPERSONATION);
        String id = newBookingId();
        CalendarItemRef ref = gateway.createBookingItem(access, LAURA, new BookingItem(id, "Desk", DAY.plus(9, ChronoUnit.HOURS),
                DAY.plus(10, ChronoUnit.HOURS), new BookingItem.Invitee(JAMES.value())));

        BookingItem alone = new BookingItem(id, "Desk", DAY.plus(9, ChronoUnit.HOURS), DAY.plus(10, ChronoUnit.HOURS));
        ref = gateway.updateBookingItem(access, LAURA, ref, alone);
        assertEquals(List.of(), theItemOf(LAURA, id).requiredAttendees());

        BookingItem withGuest = new BookingItem(id, "Desk", DAY.plus(9, ChronoUnit.HOURS), DAY.plus(10, ChronoUnit.HOURS),
                new BookingItem.Invitee("Guest", "guest@example.org"));
        ref = gateway.updateBookingItem(access, LAURA, ref, withGuest);
        assertEquals(List.of("guest@example.org"), theItemOf(LAURA, id).requiredAttendees());
        gateway.deleteBookingItem(access, LAURA, ref, true);
        assertEquals(List.of(), itemsOf(LAURA, id));
    }

    private static List<CalendarItem> invitationsOf(MailboxAddress invitee, CalendarItem meeting) {
        return sim.directory().get(invitee.value()).calendar().items().stream()
                .filter(i -> meeting.uid().equals(i.uid())).toList();
    }

    @Test
    void aDelegateEditorWritesIntoTheUsersCalendarAsItself() {
        ExchangeAccess access = access(sim, AccessMode.DELEGATION);
        String id = newBookingId();
        BookingItem booking = booking(id, 14);

        CalendarItemRef created = gateway.createBookingItem(access, MICHAEL, booking);
        CalendarItem item = theItemOf(MICHAEL, id);
        assertCarriesExactly(booking, item);
        assertEquals(SERVICE, item.createdBy().value());
        for (RequestLogEntry entry : sim.requestLog().entries()) {
            assertNull(entry.impersonated(), "a delegate acts as itself: " + entry);
            assertEquals(List.of(MICHAEL.value()), entry.targetMailboxes(), entry.toString());
        }

        assertEquals(Optional.of(created), gateway.findBookingItem(access, MICHAEL, id, dayWindow()));
        BookingItem moved = booking(id, 16);
        CalendarItemRef updated = gateway.updateBookingItem(access, MICHAEL, created, moved);
        assertCarriesExactly(moved, theItemOf(MICHAEL, id));
        gateway.deleteBookingItem(access, MICHAEL, updated, false);
        gateway.deleteBookingItem(access, MICHAEL, updated, false);
        assertEquals(List.of(), itemsOf(MICHAEL, id));
        assertTrue(sim.requestLog().entries().stream().allMatch(e -> e.impersonated() == null));
    }

    @Test
    void aReviewerDelegateMayNotWrite() {
        ExchangeAccess access = access(sim, AccessMode.DELEGATION);
        String id = newBookingId();
        CalendarWriteDenied denied = assertThrows(CalendarWriteDenied.class,
                () -> gateway.createBookingItem(access, SARAH, booking(id, 9)));
        assertEquals(MailboxProblem.ACCESS_DENIED, denied.problem());
        assertTrue(denied.getMessage().contains("Editor") && denied.getMessage().contains("ErrorAccessDenied"),
                denied.getMessage());
        assertEquals(List.of(), itemsOf(SARAH, id));
        // Reading is allowed to a Reviewer: nothing is found, and nothing is denied.
        assertEquals(Optional.empty(), gateway.findBookingItem(access, SARAH, id, dayWindow()));

        // An item the dedicated mailbox wrote while it was Editor stays out of its reach.
        sim.directory().get(SARAH.value()).grant(org.corpconnect.sim.directory.MailboxAddress.of(SERVICE),
                org.corpconnect.sim.directory.CalendarAccess.EDITOR);
        CalendarItemRef ref;
        try {
            ref = gateway.createBookingItem(access, SARAH, booking(id, 9));
        } finally {
            sim.directory().get(SARAH.value()).grant(org.corpconnect.sim.directory.MailboxAddress.of(SERVICE),
                    org.corpconnect.sim.directory.CalendarAccess.REVIEWER);
        }
        assertEquals(MailboxProblem.ACCESS_DENIED, assertThrows(CalendarWriteDenied.class,
                () -> gateway.updateBookingItem(access, SARAH, ref, booking(id, 11))).problem());
        assertEquals(MailboxProblem.ACCESS_DENIED, assertThrows(CalendarWriteDenied.class,
                () -> gateway.deleteBookingItem(access, SARAH, ref, false)).problem());
        assertEquals(1, itemsOf(SARAH, id).size());
    }

    @Test
    void impersonationNotGrantedIsDenied() {
        ExchangeAccess access = access(sim, AccessMode.IMPERSONATION);
        // Michael granted Editor as a delegate, but the impersonation scope does not include him.
        CalendarWriteDenied denied = assertThrows(CalendarWriteDenied.class,
                () -> gateway.createBookingItem(access, MICHAEL, booking(newBookingId(), 9)));
        assertEquals(MailboxProblem.IMPERSONATION_DENIED, denied.problem());
        assertTrue(denied.getMessage().contains("ErrorImpersonateUserDenied"), denied.getMessage());
        assertEquals(MailboxProblem.IMPERSONATION_DENIED, assertThrows(CalendarWriteDenied.class,
                () -> gateway.findBookingItem(access, OLIVER, "b", dayWindow())).problem());
    }

    @Test
    void anUnknownMailboxIsNotFoundInBothModes() {
        for (AccessMode mode : AccessMode.values()) {
            CalendarWriteDenied denied = assertThrows(CalendarWriteDenied.class,
                    () -> gateway.createBookingItem(access(sim, mode), GHOST, booking(newBookingId(), 9)));
            assertEquals(MailboxProblem.MAILBOX_NOT_FOUND, denied.problem(), mode + ": " + denied.getMessage());
        }
    }

    @Test
    void anAnswerLostAfterTheCommitIsAnUnknownOutcomeAndTheItemIsFound() {
        ExchangeAccess access = access(sim, AccessMode.IMPERSONATION);
        String id = newBookingId();
        BookingItem booking = booking(id, 8);
        sim.faults().add(FaultRule.of(FaultRule.Kind.COMMIT_THEN_DROP).forOperation("CreateItem").times(1));

        assertThrows(ExchangeOutcomeUnknown.class, () -> gateway.createBookingItem(access, ANNA, booking));

        // The caller reconciles instead of writing a second item.
        Optional<CalendarItemRef> found = gateway.findBookingItem(access, ANNA, id, dayWindow());
        assertTrue(found.isPresent());
        assertCarriesExactly(booking, theItemOf(ANNA, id));
        gateway.deleteBookingItem(access, ANNA, found.get(), false);
        assertEquals(List.of(), itemsOf(ANNA, id));
    }

    @Test
    void aReadTimeoutIsAnUnknownOutcome() {
        EwsGateway impatient = gateway();
        impatient.requestTimeoutMillis = 1000;
        ExchangeAccess access = access(sim, AccessMode.DELEGATION);
        String id = newBookingId();
        sim.faults().add(FaultRule.of(FaultRule.Kind.COMMIT_THEN_DROP).forOperation("CreateItem").millis(2500).times(1));

        assertThrows(ExchangeOutcomeUnknown.class, () -> impatient.createBookingItem(access, MICHAEL, booking(id, 7)));

        assertTrue(gateway.findBookingItem(access, MICHAEL, id, dayWindow()).isPresent());
        assertEquals(1, itemsOf(MICHAEL, id).size());
    }

    @Test
    void aRefusedConnectionCertainlyWroteNothing() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ExchangeAccess nowhere = new ExchangeAccess(URI.create("http://127.0.0.1:" + closedPort + "/EWS/Exchange.asmx"),
                new MailboxAddress(SERVICE), AccessMode.IMPERSONATION, access(sim, AccessMode.IMPERSONATION).credential(), 1);
        ExchangeUnreachable unreachable = assertThrows(ExchangeUnreachable.class,
                () -> gateway.createBookingItem(nowhere, ANNA, booking(newBookingId(), 9)));
        assertFalse(unreachable instanceof ExchangeOutcomeUnknown, unreachable.getMessage());
    }

    @Test
    void theTimesAreUtcWhateverTheJvmZone() {
        TimeZone previous = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
        try {
            ExchangeAccess access = access(sim, AccessMode.IMPERSONATION);
            String id = newBookingId();
            // Across midnight UTC, which is midday in Auckland and evening in Tokyo.
            BookingItem lateNight = new BookingItem(id, "Late desk", DAY.minus(30, ChronoUnit.MINUTES),
                    DAY.plus(45, ChronoUnit.MINUTES).plusMillis(700));
            CalendarItemRef ref = gateway.createBookingItem(access, YUKI, lateNight);
            CalendarItem item = theItemOf(YUKI, id);
            assertEquals(Instant.parse(DAY.minus(30, ChronoUnit.MINUTES).toString()), item.start());
            assertEquals(DAY.plus(45, ChronoUnit.MINUTES), item.end(), "whole seconds");
            assertCarriesExactly(lateNight, item);
            assertEquals(Optional.of(ref), gateway.findBookingItem(access, YUKI, id,
                    new TimeWindow(DAY, DAY.plus(1, ChronoUnit.HOURS))), "overlaps a window starting at midnight");
            gateway.deleteBookingItem(access, YUKI, ref, false);
        } finally {
            TimeZone.setDefault(previous);
        }
    }

    @Test
    void anAppImpersonatesTheOwnerOrActsAsTheDedicatedMailbox() {
        ExchangeCredential app = EwsGatewayOAuthTest.app(sim, EwsGatewayOAuthTest.CLIENT_SECRET);
        ExchangeAccess impersonation = new ExchangeAccess(sim.ewsUrl(), new MailboxAddress(SERVICE),
                AccessMode.IMPERSONATION, app, 1);
        String id = newBookingId();
        CalendarItemRef ref = gateway.createBookingItem(impersonation, ANNA, booking(id, 9));
        RequestLogEntry create = sim.requestLog().forOperation("CreateItem").get(0);
        assertEquals(EwsGatewayOAuthTest.APP, create.authenticatedAs());
        assertEquals(ANNA.value(), create.impersonated());
        assertEquals(ANNA.value(), create.anchorMailbox());
        gateway.deleteBookingItem(impersonation, ANNA, ref, false);

        sim.requestLog().clear();
        ExchangeAccess delegation = new ExchangeAccess(sim.ewsUrl(), new MailboxAddress(SERVICE),
                AccessMode.DELEGATION, app, 1);
        ref = gateway.createBookingItem(delegation, MICHAEL, booking(id, 9));
        create = sim.requestLog().forOperation("CreateItem").get(0);
        assertEquals(SERVICE, create.impersonated(), "an app acts as the dedicated mailbox, a delegate");
        assertEquals(SERVICE, create.anchorMailbox());
        assertEquals(SERVICE, theItemOf(MICHAEL, id).createdBy().value());
        gateway.deleteBookingItem(delegation, MICHAEL, ref, false);
        assertEquals(List.of(), itemsOf(MICHAEL, id));

        // The app may not impersonate Michael: the user's denial, not the dedicated mailbox's.
        assertEquals(MailboxProblem.IMPERSONATION_DENIED, assertThrows(CalendarWriteDenied.class,
                () -> gateway.createBookingItem(impersonation, MICHAEL, booking(newBookingId(), 9))).problem());
    }

    @Test
    void aBookingIsValidated() {
        Instant start = DAY;
        assertThrows(IllegalArgumentException.class, () -> new BookingItem("b", "x".repeat(256), start, start.plusSeconds(60)));
        assertDoesNotThrow(() -> new BookingItem("b", "x".repeat(255), start, start.plusSeconds(60)));
        assertThrows(IllegalArgumentException.class, () -> new BookingItem("b", "Desk\n4", start, start.plusSeconds(60)));
        assertThrows(IllegalArgumentException.class, () -> new BookingItem("b", "Desk\u0007", start, start.plusSeconds(60)));
        assertThrows(IllegalArgumentException.class, () -> new BookingItem("b", "Desk", start, start));
        assertThrows(IllegalArgumentException.class, () -> new BookingItem("b", "Desk", start, start.minusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new BookingItem(" ", "Desk", start, start.plusSeconds(60)));
        assertThrows(InvalidMailboxAddress.class, () -> new BookingItem.Invitee("James", "not an address"));
        assertThrows(IllegalArgumentException.class, () -> new BookingItem.Invitee("Ja\tmes", JAMES.value()));
        assertEquals(JAMES.value(), new BookingItem.Invitee("James", "James.Miller@Contoso.test").email());
        assertEquals("", new BookingItem.Invitee(null, JAMES.value()).name());
        assertEquals(Duration.ofMinutes(1), Duration.between(
                new BookingItem("b", "Desk", start.plusMillis(10), start.plusSeconds(60).plusMillis(999)).start(),
                new BookingItem("b", "Desk", start.plusMillis(10), start.plusSeconds(60).plusMillis(999)).end()));
    }
}
