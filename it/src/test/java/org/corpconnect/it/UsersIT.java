package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.corpconnect.busytime.BusyTimeStore;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.UserImport.Outcome;
import org.corpconnect.users.UserImport;
import org.corpconnect.users.UserNotFound;
import org.corpconnect.users.Users;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Bookable users: bulk import with a per-row report, removal with their busy time, one account's users
 * only; the same tests for each protocol ({@link UsersEwsIT}, {@link UsersGraphIT}).
 */
@ServerTest
abstract class UsersIT {

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestsInside();
    }

    /** The protocol of every account this class connects. */
    abstract Protocol protocol();

    @Inject
    TestAccounts fixture;

    @Inject
    UserImport userImport;

    @Inject
    Users users;

    @Inject
    BusyTimeStore store;

    @Inject
    BusyTimeSync sync;

    private final SimulatorControl simulator = SimulatorControl.ofTestRun();

    @Test
    void aCsvListIsImportedRowByRowWithAReport() {
        simulator.loadDemo();
        TestAccount account = fixture.create(simulator, protocol());
        fixture.addUsers(account, List.of("lukas.weber@contoso.test"));
        String csv = """
                address,display name,time zone
                anna.schmidt@contoso.test,"Schmidt, Anna",Europe/Berlin
                ANNA.SCHMIDT@contoso.test
                lukas.weber@contoso.test,Lukas Weber
                not-an-address,Nobody
                yuki.tanaka@contoso.test,Yuki Tanaka,Asia/Atlantis
                james.miller@contoso.test,James Miller
                """;

        List<UserImport.RowReport> report = userImport.importCsv(account.account(), new StringReader(csv),
                ZoneId.of("America/New_York"));

        assertEquals(List.of(Outcome.ADDED, Outcome.ALREADY_EXISTS, Outcome.ALREADY_EXISTS, Outcome.INVALID,
                Outcome.INVALID, Outcome.ADDED), report.stream().map(UserImport.RowReport::outcome).toList());
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L), report.stream().map(UserImport.RowReport::line).toList());
        assertTrue(report.get(4).message().contains("Asia/Atlantis"), report.get(4).message());
        BookableUser anna = users.find(account.id(), new org.corpconnect.calendar.MailboxAddress("anna.schmidt@contoso.test")).orElseThrow();
        assertEquals("Schmidt, Anna", anna.displayName());
        BookableUser james = users.find(account.id(), new org.corpconnect.calendar.MailboxAddress("james.miller@contoso.test")).orElseThrow();
        assertEquals(ZoneId.of("America/New_York"), james.timeZone(), "the default zone where the row has none");
        assertEquals(3, users.ofAccount(account.id()).size());
    }

    @Test
    void aRemovedUsersBusyTimeGoesWithThemAndOtherAccountsNeverSeeAUser() throws Exception {
        simulator.loadDemo();
        TestAccount account = fixture.create(simulator, protocol());
        fixture.addUsers(account, List.of("anna.schmidt@contoso.test", "lukas.weber@contoso.test"));
        Instant before = Instant.now();
        fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
        fixture.awaitRefreshedSince(account, before, Duration.ofSeconds(60));
        BookableUser anna = fixture.usersOf(account).get(0);
        BookableUser lukas = fixture.usersOf(account).get(1);
        TimeWindow year = new TimeWindow(before.truncatedTo(ChronoUnit.DAYS), before.plus(Duration.ofDays(365)));
        assertFalse(store.of(anna.id(), year).isEmpty());

        TestAccount other = fixture.create(simulator, protocol());
        assertThrows(UserNotFound.class, () -> users.get(other.id(), anna.id()), "another account's user does not exist for it");
        assertThrows(UserNotFound.class, () -> users.remove(other.id(), anna.id()));

        users.remove(account.id(), anna.id());

        assertTrue(store.of(anna.id(), year).isEmpty(), "her busy time went with her");
        assertFalse(store.of(lukas.id(), year).isEmpty(), "his stays");
        assertThrows(UserNotFound.class, () -> users.get(account.id(), anna.id()));

        Instant again = Instant.now();
        var result = sync.refreshUserNow(account.id(), lukas.id()).get();
        assertEquals(1, result.usersRefreshed(), result.toString());
        assertTrue(users.get(account.id(), lukas.id()).refreshedAt().orElseThrow().isAfter(again), "refresh now for one user");
    }
}
