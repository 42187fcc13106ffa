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
import org.corpconnect.connection.AccountConnections;
import org.corpconnect.connection.ConnectionStatus;
import org.corpconnect.connection.Connections;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A new credential is tested before it replaces the one in use, for each protocol
 * ({@link CredentialChangeEwsIT}, {@link CredentialChangeGraphIT}); on EWS also the dedicated mailbox's
 * password changed in Exchange, which stops the account at once (an app's secret replaced in Entra ID
 * stops nothing until the token issued before expires: there is no such moment on Graph).
 */
@ServerTest
abstract class CredentialChangeIT {

    static final List<String> USERS = List.of("anna.schmidt@contoso.test", "lukas.weber@contoso.test",
            "sophie.mueller@contoso.test", "jonas.fischer@contoso.test", "lea.wagner@contoso.test");

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestsInside();
    }

    /** The protocol of every account this class connects. */
    abstract Protocol protocol();

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

    final SimulatorControl simulator = SimulatorControl.ofTestRun();
    TestAccount account;

    @BeforeEach
    void connectedAccount() throws Exception {
        simulator.loadDemo();
        account = fixture.create(simulator, protocol());
        fixture.addUsers(account, USERS);
        Instant before = Instant.now();
        fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
        fixture.awaitRefreshedSince(account, before, Duration.ofSeconds(60));
        // Let the refresh that connecting started finish (its access checks end after the users' busy
        // time): a password changed in the middle of one can meet every request it has in flight.
        sync.refreshNow(account.id()).get();
    }

    @Test
    void aNewCredentialThatExchangeRejectsIsRefusedAndTheOldOneStaysInUse() throws Exception {
        long generation = connections.findFor(account.id()).orElseThrow().credentialGeneration();

        assertThrows(CredentialRejected.class,
                () -> fixture.connect(account, AccessMode.IMPERSONATION, "not-the-password"));

        assertEquals(generation, connections.findFor(account.id()).orElseThrow().credentialGeneration());
        assertEquals(ConnectionStatus.HEALTHY, status());
        Instant after = Instant.now();
        var result = sync.refreshNow(account.id()).get();
        assertTrue(result.completed(), result.toString());
        assertTrue(simulator.requestsBy(account.caller(), null, after).stream()
                .allMatch(r -> "SUCCESS".equals(r.getString("authOutcome"))), "the old credential still works");
        AuditEntry refused = audit.recent(account.id(), 10).stream()
                .filter(e -> e.outcome() == AuditEntry.Outcome.REFUSED).findFirst().orElseThrow();
        assertEquals("it-admin", refused.actor());
        assertFalse(refused.detail().orElse("").contains("not-the-password"), "no secret in the audit log");
    }

    static long rejectedOnHealth() {
        JsonObject health = Server.json(Server.get(Server.root().resolve("health/ready")));
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> "exchange-connections".equals(c.getString("name")))
                // Payara writes the check's numbers as strings.
                .mapToLong(c -> Long.parseLong(c.getJsonObject("data").getString("CREDENTIAL_REJECTED")))
                .findFirst().orElseThrow();
    }

    ConnectionStatus status() {
        return connections.findFor(account.id()).orElseThrow().status();
    }
}
