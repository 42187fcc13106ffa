package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeGateway;
import org.corpconnect.exchange.ExchangeUnreachable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * ews-java-api works inside the deployed EAR on Java 17 (it needs the javax.xml.ws/bind APIs packed
 * in lib/): the app's gateway opens an ExchangeService and talks to the simulator.
 */
@ServerTest
class ExchangeInsideServerIT {

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestsInside();
    }

    @Inject
    ExchangeGateway exchange;

    @Test
    void theDedicatedMailboxsCredentialIsAccepted() {
        assertDoesNotThrow(() -> exchange.verify(access(TestExchange.ewsUrl().toString(), TestExchange.SERVICE_PASSWORD)));
    }

    @Test
    void aWrongPasswordIsReportedAsARejectedCredential() {
        assertThrows(CredentialRejected.class,
                () -> exchange.verify(access(TestExchange.ewsUrl().toString(), "not-the-password")));
    }

    @Test
    void aClosedPortIsReportedAsUnreachable() {
        assertThrows(ExchangeUnreachable.class,
                () -> exchange.verify(access("http://localhost:9/EWS/Exchange.asmx", TestExchange.SERVICE_PASSWORD)));
    }

    private static ExchangeAccess access(String url, String password) {
        var credential = new ExchangeCredential.Password(TestExchange.SERVICE_MAILBOX, Secret.of(password),
                ExchangeCredential.PasswordScheme.BASIC);
        return new ExchangeAccess(java.net.URI.create(url), new MailboxAddress(TestExchange.SERVICE_MAILBOX),
                AccessMode.IMPERSONATION, credential, 1);
    }
}
