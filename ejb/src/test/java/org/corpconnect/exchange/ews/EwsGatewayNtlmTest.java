package org.corpconnect.exchange.ews;

import static org.corpconnect.exchange.ews.Simulated.ANNA;
import static org.corpconnect.exchange.ews.Simulated.SERVICE;
import static org.corpconnect.exchange.ews.Simulated.SERVICE_PASSWORD;
import static org.corpconnect.exchange.ews.Simulated.gateway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeCredential.PasswordScheme;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.requestlog.RequestLogEntry.AuthOutcome;
import org.corpconnect.sim.soap.ServerProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway against an on-premises simulator (Exchange 2019) with Basic turned off, where only NTLM
 * gets in: a DOMAIN\\user password with NTLM works for every call, a Basic password is tested, refused
 * and taken with NTLM (and reported so), a wrong password costs one attempt only.
 */
class EwsGatewayNtlmTest {
    private static ExchangeSimulator sim;
    private final EwsGateway gateway = gateway();

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.builder().port(0)
                .schemaDir(Path.of(System.getProperty("shared.dir")).resolve("ews-schema/exchange-online-2023"))
                .dataset(Dataset.demo()).validateResponses(true).serverProfile(ServerProfile.EXCHANGE_2019)
                .basicAuth(false).start();
    }

    @AfterAll
    static void stop() {
        Simulated.stopChecked(sim);
    }

    @BeforeEach
    void clean() {
        Simulated.reset(sim);
        sim.authenticator().unlock(org.corpconnect.sim.directory.MailboxAddress.of(SERVICE));
    }

    private static ExchangeAccess access(String user, String password, PasswordScheme scheme) {
        return new ExchangeAccess(sim.ewsUrl(), new MailboxAddress(SERVICE), AccessMode.IMPERSONATION,
                new ExchangeCredential.Password(user, Secret.of(password), scheme), 1);
    }

    @Test
    void aDomainUserWithNtlmReadsFreeBusyAndIsReportedAsNtlm() {
        ExchangeAccess access = access("CONTOSO\\booking-service", SERVICE_PASSWORD, PasswordScheme.NTLM);
        ExchangeCredential accepted = gateway.verified(access);
        assertEquals(PasswordScheme.NTLM, ((ExchangeCredential.Password) accepted).scheme());
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS);
        var busy = gateway.busyTimes(access, List.of(ANNA), new TimeWindow(start, start.plus(7, ChronoUnit.DAYS)));
        assertTrue(busy.get(ANNA) instanceof org.corpconnect.exchange.MailboxBusyTime.Known known && !known.intervals().isEmpty(),
                busy.toString());
        assertTrue(sim.requestLog().entries().stream().anyMatch(e -> e.authOutcome() == AuthOutcome.NTLM_CHALLENGE));
        assertTrue(sim.requestLog().entries().stream().noneMatch(e -> e.authOutcome() == AuthOutcome.WRONG_PASSWORD));
    }

    @Test
    void aBasicPasswordRefusedByAnNtlmOnlyServerIsTakenWithNtlm() {
        ExchangeCredential accepted = gateway.verified(access(SERVICE, SERVICE_PASSWORD, PasswordScheme.BASIC));
        assertEquals(PasswordScheme.NTLM, ((ExchangeCredential.Password) accepted).scheme());
        assertTrue(sim.requestLog().entries().stream().anyMatch(e -> e.authOutcome() == AuthOutcome.SCHEME_DISABLED),
                "Basic was tried first and refused unread");
    }

    @Test
    void aWrongPasswordIsRejectedAfterOneAttemptOnTheAccount() {
        assertThrows(CredentialRejected.class,
                () -> gateway.verified(access(SERVICE, "not-the-password", PasswordScheme.BASIC)));
        assertEquals(1, sim.requestLog().entries().stream().filter(e -> e.authOutcome() == AuthOutcome.WRONG_PASSWORD).count(),
                sim.requestLog().entries().toString());
    }
}
