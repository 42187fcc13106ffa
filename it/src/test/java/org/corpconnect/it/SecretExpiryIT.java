package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.corpconnect.audit.AuditEntry;
import org.corpconnect.audit.AuditLog;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.ConnectionSettings;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.GraphCloud;
import org.corpconnect.connection.SecretExpiryWatch;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.ExchangeCredential.AppSecret;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** The daily watch over Graph secrets: an audit line for a secret within graph.secret-warning-days (30), none beyond. */
@ServerTest
class SecretExpiryIT {

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestsInside();
    }

    @Inject
    TestAccounts fixture;

    @Inject
    Connections connections;

    @Inject
    GraphCloud cloud;

    @Inject
    SecretExpiryWatch watch;

    @Inject
    AuditLog audit;

    private final SimulatorControl simulator = SimulatorControl.ofTestRun();

    @Test
    void aSecretEndingWithinTheWarningDaysGetsItsDailyAuditLineAndOneEndingLaterNone() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TestAccount soon = graphAccount(today.plusDays(10));
        TestAccount later = graphAccount(today.plusDays(90));

        watch.warnNow();
        watch.warnNow(); // the next day's run

        List<AuditEntry> lines = expiryLines(soon);
        assertEquals(2, lines.size(), "one line per run: " + lines);
        String detail = lines.get(0).detail().orElse("");
        assertTrue(detail.contains("client secret expires on " + today.plusDays(10) + ", in 10 days"), detail);
        assertEquals(AuditEntry.Outcome.WARNING, lines.get(0).outcome());
        assertEquals(List.of(), expiryLines(later), "90 days ahead: not yet");
    }

    /** An account on Graph with a client secret ending then, saved without a test (nothing here calls Graph). */
    private TestAccount graphAccount(LocalDate secretEnds) {
        TestAccount account = fixture.create(simulator);
        var settings = ConnectionSettings.withGraphApp(cloud, new MailboxAddress(account.serviceMailbox()), "contoso-test",
                "4f0b9e2a-6c1d-4e3b-8a57-2d9c0e1f3b61",
                new AppSecret.ClientSecret(Secret.of("Demo-Graph-Secret-1!"), Optional.of(secretEnds)));
        connections.connect(account.account(), settings, true, "it-admin");
        return account;
    }

    private List<AuditEntry> expiryLines(TestAccount account) {
        return audit.recent(account.id(), 50).stream().filter(e -> e.action().equals("connection.secret-expiring")).toList();
    }
}
