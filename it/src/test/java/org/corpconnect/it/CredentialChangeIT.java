package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.corpconnect.audit.AuditEntry;
import org.corpconnect.audit.AuditLog;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.connection.AccountConnections;
import org.corpconnect.connection.AccountExchange;
import org.corpconnect.connection.ConnectionStatus;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.ExchangeConnection;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dedicated mailbox's password changes in Exchange; the account stops at once and recovers on the new one. */
@ServerTest
class CredentialChangeIT {

    private static final List<String> USERS = List.of("anna.schmidt@contoso.test", "lukas.weber@contoso.test",
            "sophie.mueller@contoso.test", "jonas.fischer@contoso.test", "lea.wagner@contoso.test");

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.realEarWith(CredentialChangeIT.class, TestExchange.class, SimulatorControl.class,
                TestAccounts.class, TestAccounts.TestAccount.class, Server.class);
    }

    @Inject
    TestAccounts fixture;

    @Inject
    Connections connections;

    @Inject
    BusyTimeSync sync;

    @Inject
    AuditLog audit;

    @Inject
    AccountConnections accountConnections;

    private final SimulatorControl simulator = SimulatorControl.ofTestRun();
    private TestAccount account;

    @BeforeEach
    void connectedAccount() throws Exception {
        simulator.loadDemo();
        account = fixture.create(simulator);
        fixture.addUsers(account, USERS);
        Instant before = Instant.now();
        fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
        fixture.awaitRefreshedSince(account, before, Duration.ofSeconds(60));
        // Let the refresh that connecting started finish (its access checks come after the users'
        // busy time): a password changed in the middle of one can meet up to sync.concurrency requests.
        sync.refreshNow(account.id()).get();
    }

    @Test
    void aPasswordChangedInExchangeIsTriedOnceThenTheNewOneRefreshesEveryone() throws Exception {
        String newPassword = account.secret() + "-new";
        simulator.setPassword(account.serviceMailbox(), newPassword);
        Instant changed = Instant.now();

        sync.refreshNow(account.id()).get();
        sync.refreshNow(account.id()).get(); // the timer would fire again: nothing more may be sent

        assertEquals(ConnectionStatus.CREDENTIAL_REJECTED, status());
        List<JsonObject> stale = simulator.requestsBy(account.serviceMailbox(), null, changed);
        assertEquals(1, stale.size(), "exactly one request with the stale password: " + stale);
        assertEquals("WRONG_PASSWORD", stale.get(0).getString("authOutcome"));
        assertFalse(simulator.mailbox(account.serviceMailbox()).getBoolean("lockedOut"), "the dedicated mailbox is not locked out");

        assertTrue(connections.findFor(account.id()).orElseThrow().statusDetail().orElse("").contains("HTTP 401"),
                "the connection says why");
        assertTrue(rejectedOnHealth() >= 1, "the health endpoint counts it");

        Instant renewed = Instant.now();
        fixture.connect(account, AccessMode.IMPERSONATION, newPassword);

        fixture.awaitRefreshedSince(account, renewed, Duration.ofSeconds(10));
        assertEquals(ConnectionStatus.HEALTHY, status());
        List<String> actions = audit.recent(account.id(), 10).stream().map(e -> e.action() + ":" + e.outcome()).toList();
        assertTrue(actions.contains("connection.credential-rejected:FAILED"), actions.toString());
        assertTrue(actions.contains("connection.credential-changed:SUCCESS"), actions.toString());
    }

    @Test
    void aLateRejectionOfTheOldCredentialLeavesTheNewOneInUse() throws Exception {
        AccountExchange before = accountConnections.open(account.id());
        String newPassword = account.secret() + "-new";
        simulator.setPassword(account.serviceMailbox(), newPassword);
        fixture.connect(account, AccessMode.IMPERSONATION, newPassword);
        long saved = connections.findFor(account.id()).orElseThrow().credentialGeneration();

        // Work that opened the account before the change meets the old password's 401 only now.
        TimeWindow today = new TimeWindow(Instant.now(), Instant.now().plus(Duration.ofHours(1)));
        assertThrows(CredentialRejected.class,
                () -> before.busyTimes(List.of(new MailboxAddress(USERS.get(0))), today));

        ExchangeConnection connection = connections.findFor(account.id()).orElseThrow();
        assertEquals(saved, connection.credentialGeneration());
        assertEquals(ConnectionStatus.HEALTHY, connection.status(), "the new credential is not paused: " + connection);
        Instant after = Instant.now();
        var result = sync.refreshNow(account.id()).get();
        assertTrue(result.completed(), result.toString());
        fixture.awaitRefreshedSince(account, after, Duration.ofSeconds(30));
        assertFalse(audit.recent(account.id(), 10).stream().anyMatch(e -> e.action().equals("connection.credential-rejected")),
                "no rejection recorded against the account");
    }

    @Test
    void aNewPasswordThatExchangeRejectsIsRefusedAndTheOldOneStaysInUse() throws Exception {
        long generation = connections.findFor(account.id()).orElseThrow().credentialGeneration();

        assertThrows(CredentialRejected.class,
                () -> fixture.connect(account, AccessMode.IMPERSONATION, "not-the-password"));

        assertEquals(generation, connections.findFor(account.id()).orElseThrow().credentialGeneration());
        assertEquals(ConnectionStatus.HEALTHY, status());
        Instant after = Instant.now();
        var result = sync.refreshNow(account.id()).get();
        assertTrue(result.completed(), result.toString());
        assertTrue(simulator.requestsBy(account.serviceMailbox(), null, after).stream()
                .allMatch(r -> "SUCCESS".equals(r.getString("authOutcome"))), "the old password still works");
        AuditEntry refused = audit.recent(account.id(), 10).stream()
                .filter(e -> e.outcome() == AuditEntry.Outcome.REFUSED).findFirst().orElseThrow();
        assertEquals("it-admin", refused.actor());
        assertFalse(refused.detail().orElse("").contains("not-the-password"), "no secret in the audit log");
    }

    private static long rejectedOnHealth() {
        JsonObject health = Server.json(Server.get(Server.root().resolve("health/ready")));
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> "exchange-connections".equals(c.getString("name")))
                // Payara writes the check's numbers as strings.
                .mapToLong(c -> Long.parseLong(c.getJsonObject("data").getString("CREDENTIAL_REJECTED")))
                .findFirst().orElseThrow();
    }

    private ConnectionStatus status() {
        return connections.findFor(account.id()).orElseThrow().status();
    }
}
