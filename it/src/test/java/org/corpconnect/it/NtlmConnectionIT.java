package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corpconnect.booking.Booking;
import org.corpconnect.booking.BookingRequest;
import org.corpconnect.booking.BookingStatus;
import org.corpconnect.booking.BookingWriter;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.ConnectionSettings;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.ExchangeConnection;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.ExchangeCredential.PasswordScheme;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On-premises Exchange with Basic turned off, where only NTLM gets in: a connection with the
 * dedicated mailbox's DOMAIN\\user and NTLM syncs busy time and writes a booking, every request
 * authenticated with an NTLM handshake; a password entered for Basic is tested, refused and saved
 * with NTLM. The simulator's Basic is turned off for each test and back on after it.
 */
@ServerTest
class NtlmConnectionIT {
    private static final String ANNA = "anna.schmidt@contoso.test";

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestsInside();
    }

    @Inject
    TestAccounts fixture;

    @Inject
    Connections connections;

    @Inject
    BookingWriter writer;

    private final SimulatorControl simulator = SimulatorControl.ofTestRun();
    private String netbiosDomain;

    @BeforeEach
    void ntlmOnly() {
        simulator.loadDemo();
        JsonObject state = simulator.setAuthentication(false, true);
        netbiosDomain = state.getString("netbiosDomain");
    }

    @AfterEach
    void basicAgain() {
        simulator.setAuthentication(true, false);
    }

    @Test
    void aDomainUserWithNtlmSyncsAndBooks() {
        TestAccount account = fixture.create(simulator);
        fixture.addUsers(account, List.of(ANNA));
        String user = netbiosDomain + "\\" + account.serviceMailbox().substring(0, account.serviceMailbox().indexOf('@'));
        Instant before = Instant.now();

        connections.connect(account.account(), ConnectionSettings.withPassword(TestExchange.ewsUrl(),
                new MailboxAddress(account.serviceMailbox()), AccessMode.IMPERSONATION, PasswordScheme.NTLM, user,
                Secret.of(account.secret())), false, "it-admin");
        fixture.awaitRefreshedSince(account, before, Duration.ofSeconds(60));
        assertEquals(Optional.of(PasswordScheme.NTLM), connections.findFor(account.account()).flatMap(ExchangeConnection::passwordScheme));

        Instant[] slot = freeHour(ANNA);
        Booking booked = writer.book(account.account(), new BookingRequest(new MailboxAddress(ANNA), slot[0], slot[1],
                "Booked over NTLM", Optional.empty(), UUID.randomUUID().toString())).booking();
        assertEquals(BookingStatus.CONFIRMED, booked.status());
        assertEquals(1, simulator.events(ANNA, slot[0], slot[1]).stream()
                .filter(e -> "Booked over NTLM".equals(e.getString("subject"))).count());

        List<JsonObject> log = simulator.requests(null, before);
        List<JsonObject> mine = simulator.requestsBy(account.serviceMailbox(), null, before);
        assertTrue(mine.stream().anyMatch(r -> "GetUserAvailabilityRequest".equals(r.getString("operation"))), "busy time synced");
        assertTrue(mine.stream().anyMatch(r -> "CreateItem".equals(r.getString("operation"))
                && ANNA.equals(r.getString("impersonated", ""))), "the booking written as Anna");
        assertTrue(log.stream().anyMatch(r -> "NTLM_CHALLENGE".equals(r.getString("authOutcome"))), "NTLM handshakes");
        assertFalse(log.stream().anyMatch(r -> "SCHEME_DISABLED".equals(r.getString("authOutcome"))), "Basic never tried");
    }

    @Test
    void aPasswordEnteredForBasicIsTakenWithNtlmAndSavedSo() {
        TestAccount account = fixture.create(simulator);
        fixture.connect(account, AccessMode.IMPERSONATION, account.secret()); // Basic, as TestAccounts enters it
        ExchangeConnection saved = connections.findFor(account.account()).orElseThrow();
        assertEquals(Optional.of(PasswordScheme.NTLM), saved.passwordScheme());
        assertTrue(saved.lastSuccessAt().isPresent());
    }

    private Instant[] freeHour(String user) {
        for (int day = 10; day < 40; day++) {
            Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(day)).plus(Duration.ofHours(13));
            Instant end = start.plus(Duration.ofHours(1));
            if (simulator.events(user, start, end).stream().allMatch(e -> "Free".equals(e.getString("freeBusy")))) {
                return new Instant[] {start, end};
            }
        }
        throw new AssertionError("no free hour for " + user);
    }
}
