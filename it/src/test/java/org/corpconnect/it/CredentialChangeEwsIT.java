package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.connection.AccountExchange;
import org.corpconnect.connection.ConnectionStatus;
import org.corpconnect.connection.ExchangeConnection;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CredentialRejected;
import org.junit.jupiter.api.Test;

/**
 * {@link CredentialChangeIT} for an account on EWS, and the dedicated mailbox's password changed in
 * Exchange: the account stops at once and recovers on the new one.
 */
class CredentialChangeEwsIT extends CredentialChangeIT {

    @Override
    Protocol protocol() {
        return Protocol.EWS;
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
}
