package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corpconnect.account.AccountDataVersions;
import org.corpconnect.availability.FreeSlots;
import org.corpconnect.availability.Slot;
import org.corpconnect.availability.SlotQuery;
import org.corpconnect.booking.Booking;
import org.corpconnect.booking.BookingRequest;
import org.corpconnect.booking.BookingStatus;
import org.corpconnect.booking.BookingWriter;
import org.corpconnect.bookingrules.BookingPolicy;
import org.corpconnect.bookingrules.CalendarUnknown;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.ConnectionStatus;
import org.corpconnect.connection.Connections;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.corpconnect.users.BookableUser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Nothing stale is offered as free: when the dedicated mailbox's password changes in Exchange and
 * nobody enters the new one, refreshes stop; once the busy time is older than the maximum staleness
 * every user is unreadable, with the connection's reason, and cannot be booked; the new password
 * brings the slots back with its first refresh.
 */
@ServerTest
class StalenessIT {

    private static final List<String> USERS = List.of("anna.schmidt@contoso.test", "lukas.weber@contoso.test",
            "sophie.mueller@contoso.test");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestsInside();
    }

    @Inject
    TestAccounts fixture;

    @Inject
    Connections connections;

    @Inject
    BusyTimeSync sync;

    @Inject
    FreeSlots freeSlots;

    @Inject
    AccountDataVersions versions;

    @Inject
    BookingPolicy policy;

    @Inject
    BookingWriter writer;

    @Inject
    Freshness freshness;

    private final SimulatorControl simulator = SimulatorControl.ofTestRun();

    @Test
    void aRejectedPasswordMakesEveryUserUnreadableAfterTheMaximumStalenessAndTheNewOneBringsSlotsBack() throws Exception {
        simulator.loadDemo();
        TestAccount account = fixture.create(simulator);
        fixture.addUsers(account, USERS);
        Instant connected = Instant.now();
        fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
        fixture.awaitRefreshedSince(account, connected, Duration.ofSeconds(60));
        FreeSlots.Answer beforeBooking = availability(account);
        Slot offered = beforeBooking.slots().get(beforeBooking.slots().size() / 2);
        BookableUser free = beforeBooking.users().stream().map(FreeSlots.UserState::user)
                .filter(user -> user.id().equals(offered.freeUserIds().get(0))).findFirst().orElseThrow();
        BookingRequest accepted = new BookingRequest(free.address(), offered.start(), offered.end(), "Accepted while fresh",
                Optional.empty(), UUID.randomUUID().toString());
        Booking confirmed = writer.book(account.account(), accepted).booking();
        assertEquals(BookingStatus.CONFIRMED, confirmed.status());
        sync.refreshNow(account.id()).get();
        FreeSlots.Answer fresh = availability(account);
        assertTrue(fresh.users().stream().allMatch(FreeSlots.UserState::readable), fresh.users().toString());
        assertFalse(fresh.slots().isEmpty(), "a fresh account has free slots");

        String newPassword = account.secret() + "-new";
        simulator.setPassword(account.serviceMailbox(), newPassword);
        sync.refreshNow(account.id()).get();
        assertEquals(ConnectionStatus.CREDENTIAL_REJECTED, connections.findFor(account.id()).orElseThrow().status());

        // Refreshes have stopped (the credential is paused): the busy time only grows older.
        freshness.olderBy(account.id(), policy.maxStaleness().plusMinutes(1));

        FreeSlots.Answer stale = availability(account);
        assertTrue(stale.slots().isEmpty(), "nothing stale offered as free: " + stale.slots().size() + " slots");
        assertEquals(USERS.size(), stale.users().size());
        for (FreeSlots.UserState user : stale.users()) {
            assertFalse(user.readable(), user.toString());
            String problem = user.problem().orElseThrow();
            assertTrue(problem.contains("The connection is CREDENTIAL_REJECTED since "), "the connection's reason: " + problem);
        }
        CalendarUnknown refused = assertThrows(CalendarUnknown.class, () -> writer.book(account.account(), new BookingRequest(
                new MailboxAddress(USERS.get(0)), fresh.slots().get(0).start(), fresh.slots().get(0).end(), "Stale",
                Optional.empty(), UUID.randomUUID().toString())));
        assertTrue(refused.getMessage().contains("CREDENTIAL_REJECTED"), refused.getMessage());
        BookingWriter.Outcome retried = writer.book(account.account(), accepted);
        assertEquals(confirmed.id(), retried.booking().id(), "a retry of an accepted booking gets it back, stale or not");
        assertFalse(retried.created());

        Instant renewed = Instant.now();
        fixture.connect(account, AccessMode.IMPERSONATION, newPassword);
        fixture.awaitRefreshedSince(account, renewed, Duration.ofSeconds(60));

        FreeSlots.Answer back = availability(account);
        assertTrue(back.users().stream().allMatch(FreeSlots.UserState::readable), back.users().toString());
        assertEquals(fresh.slots(), back.slots(), "the same slots as before the outage");
    }

    private FreeSlots.Answer availability(TestAccount account) {
        Instant now = Instant.now();
        LocalDate monday = LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        SlotQuery query = SlotQuery.within(policy.rules(), now, monday, monday.plusDays(4), BERLIN, Duration.ofMinutes(30),
                Duration.ofMinutes(30), Optional.empty(), Optional.empty(), Optional.empty(), SlotQuery.Mode.ANY);
        return freeSlots.find(account.account(), versions.current(account.id()),
                USERS.stream().map(MailboxAddress::new).toList(), query, Optional.empty());
    }

    /** Test-only: moves the account's last successful refresh back, as the passing of that much time would. */
    @Stateless
    public static class Freshness {

        @PersistenceContext
        EntityManager em;

        @Inject
        AccountDataVersions versions;

        /** As every writer of what availability reads, it raises the account's data version with the change. */
        public void olderBy(long accountId, Duration age) {
            em.createNamedQuery("BookableUser.ofAccount", BookableUser.class).setParameter("accountId", accountId)
                    .getResultList()
                    .forEach(user -> user.refreshed(user.refreshedAt().orElseThrow().minus(age)));
            versions.changed(accountId);
        }
    }
}
