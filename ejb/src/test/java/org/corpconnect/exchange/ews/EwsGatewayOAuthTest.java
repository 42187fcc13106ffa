package org.corpconnect.exchange.ews;

import static org.corpconnect.exchange.ews.Simulated.*;
import static org.junit.jupiter.api.Assertions.*;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CalendarAccessProbe;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ExchangeThrottled;
import org.corpconnect.exchange.ExchangeUnreachable;
import org.corpconnect.exchange.MailboxBusyTime;
import org.corpconnect.exchange.MailboxProblem;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.ImpersonationScope;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exchange Online app-only access: client-credentials token, its cache, impersonation and X-AnchorMailbox. */
class EwsGatewayOAuthTest {
    static final String TENANT = "contoso-test";
    static final String CLIENT_ID = "corpconnect-demo-app";
    static final String CLIENT_SECRET = "Demo-App-Secret-1!";
    static final String APP = "app:" + CLIENT_ID;

    private static ExchangeSimulator sim;
    private final EwsGateway gateway = gateway();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final MovableClock clock = new MovableClock();

    @BeforeAll
    static void start() {
        sim = Simulated.start();
        // The product reads free/busy as the dedicated mailbox, so the app's application access policy
        // must include that mailbox; the demo app's scope holds only the impersonable users.
        Directory.Application demo = sim.directory().application(CLIENT_ID).orElseThrow();
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
        // Counts what reaches the token endpoint: the simulator does not log token requests.
        OAuthTokens.TokenRequests http = new OAuthTokens.TokenRequests(() -> Simulated.LOOPBACK_ALLOWED);
        gateway.tokens = new OAuthTokens((app, timeout) -> {
            tokenRequests.incrementAndGet();
            return http.fetch(app, timeout);
        }, clock);
    }

    static ExchangeCredential.OAuthApp app(ExchangeSimulator sim, String secret) {
        return new ExchangeCredential.OAuthApp(TENANT, CLIENT_ID, Secret.of(secret), sim.tokenUrl(TENANT));
    }

    private static ExchangeAccess oauth(AccessMode mode, String secret, long generation) {
        return new ExchangeAccess(sim.ewsUrl(), new MailboxAddress(SERVICE), mode, app(sim, secret), generation);
    }

    private static ExchangeAccess oauth(AccessMode mode) {
        return oauth(mode, CLIENT_SECRET, 1);
    }

    private static void assertAppImpersonating(MailboxAddress mailbox, RequestLogEntry entry) {
        assertEquals(APP, entry.authenticatedAs(), entry.toString());
        assertEquals(RequestLogEntry.AuthOutcome.SUCCESS, entry.authOutcome(), entry.toString());
        assertEquals(mailbox.value(), entry.impersonated(), entry.toString());
        assertEquals(mailbox.value(), entry.anchorMailbox(), "X-AnchorMailbox names the impersonated mailbox");
        assertEquals(200, entry.httpStatus(), entry.toString());
    }

    @Test
    void verifyReadsTheDedicatedMailboxsCalendarWithABearerToken() {
        gateway.verify(oauth(AccessMode.IMPERSONATION));

        List<RequestLogEntry> log = sim.requestLog().entries();
        assertEquals(1, log.size(), log.toString());
        assertEquals("GetFolder", log.get(0).operation());
        assertAppImpersonating(new MailboxAddress(SERVICE), log.get(0));
        assertEquals(1, tokenRequests.get());
    }

    @Test
    void busyTimesAreReadAsTheDedicatedMailbox() {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        TimeWindow week = new TimeWindow(today, today.plus(7, ChronoUnit.DAYS));
        Map<MailboxAddress, MailboxBusyTime> result = gateway.busyTimes(oauth(AccessMode.DELEGATION),
                List.of(ANNA, MICHAEL, DAVID, OLIVER), week);

        for (MailboxAddress user : List.of(ANNA, MICHAEL, DAVID)) {
            MailboxBusyTime.Known known = assertInstanceOf(MailboxBusyTime.Known.class, result.get(user), user.value());
            assertEquals(calendarOf(sim, user, week), known.intervals(), user.value());
        }
        MailboxBusyTime.Unavailable oliver = assertInstanceOf(MailboxBusyTime.Unavailable.class, result.get(OLIVER));
        assertEquals(MailboxProblem.ACCESS_DENIED, oliver.problem());

        RequestLogEntry freeBusy = sim.requestLog().forOperation("GetUserAvailabilityRequest").get(0);
        assertAppImpersonating(new MailboxAddress(SERVICE), freeBusy);
        assertEquals("FreeBusy", freeBusy.requestedView());
        assertEquals(1, sim.requestLog().entries().size(), "four users, one request");
    }

    @Test
    void impersonationProbeImpersonatesTheUserAndReadsFreeBusyAsTheDedicatedMailbox() {
        CalendarAccessProbe anna = gateway.probe(oauth(AccessMode.IMPERSONATION), ANNA);
        assertTrue(anna.canRead() && anna.canWrite(), anna.toString());
        assertEquals(Optional.empty(), anna.problem());

        assertAppImpersonating(ANNA, sim.requestLog().forOperation("GetFolder").get(0));
        assertAppImpersonating(new MailboxAddress(SERVICE),
                sim.requestLog().forOperation("GetUserAvailabilityRequest").get(0));
        assertEquals(2, sim.requestLog().entries().size());

        // The app's access policy stops at the same users as the service mailbox's impersonation right.
        CalendarAccessProbe oliver = gateway.probe(oauth(AccessMode.IMPERSONATION), OLIVER);
        assertEquals(Optional.of(MailboxProblem.IMPERSONATION_DENIED), oliver.problem(), oliver.toString());
    }

    @Test
    void theNextCallOnAServiceAUsersProbeImpersonatedWithActsAsTheDedicatedMailboxAgain() {
        gateway.probe(oauth(AccessMode.IMPERSONATION), ANNA);
        gateway.verify(oauth(AccessMode.IMPERSONATION)); // the probe's service, kept for this access

        List<RequestLogEntry> getFolders = sim.requestLog().forOperation("GetFolder");
        assertEquals(2, getFolders.size(), getFolders.toString());
        assertAppImpersonating(ANNA, getFolders.get(0));
        assertAppImpersonating(new MailboxAddress(SERVICE), getFolders.get(1));
    }

    @Test
    void delegationProbeImpersonatesTheDedicatedMailboxAndOpensTheUsersCalendar() {
        CalendarAccessProbe michael = gateway.probe(oauth(AccessMode.DELEGATION), MICHAEL);
        assertTrue(michael.canRead() && michael.canWrite(), michael.toString());
        RequestLogEntry getFolder = sim.requestLog().forOperation("GetFolder").get(0);
        assertAppImpersonating(new MailboxAddress(SERVICE), getFolder);
        assertEquals(List.of(MICHAEL.value()), getFolder.targetMailboxes());

        CalendarAccessProbe sarah = gateway.probe(oauth(AccessMode.DELEGATION), SARAH);
        assertTrue(sarah.canRead() && !sarah.canWrite(), sarah.toString());
        assertEquals(Optional.empty(), sarah.problem());
        CalendarAccessProbe david = gateway.probe(oauth(AccessMode.DELEGATION), DAVID);
        assertEquals(Optional.of(MailboxProblem.ACCESS_DENIED), david.problem(), david.toString());
        assertEquals(1, tokenRequests.get(), "one token for all three probes");
    }

    @Test
    void aWrongClientSecretIsRejectedBeforeAnyEwsRequest() {
        String wrong = "Not-The-Secret-42";
        CredentialRejected rejected = assertThrows(CredentialRejected.class,
                () -> gateway.verify(oauth(AccessMode.IMPERSONATION, wrong, 1)));
        assertTrue(rejected.getMessage().contains("client secret was rejected by the tenant's token endpoint"),
                rejected.getMessage());
        assertFalse(rejected.getMessage().contains(wrong), "never the secret");
        assertThrows(CredentialRejected.class, () -> gateway.busyTimes(oauth(AccessMode.IMPERSONATION, wrong, 1),
                List.of(ANNA), new TimeWindow(Instant.now(), Instant.now().plus(1, ChronoUnit.HOURS))));
        assertThrows(CredentialRejected.class, () -> gateway.probe(oauth(AccessMode.DELEGATION, wrong, 1), SARAH));

        assertEquals(List.of(), sim.requestLog().entries(), "no EWS request without a token");
        assertEquals(3, tokenRequests.get(), "a rejected secret is not cached as a token");
    }

    @Test
    void aTokenServesSeveralCallsAndANewCredentialGetsItsOwn() {
        gateway.verify(oauth(AccessMode.IMPERSONATION));
        gateway.probe(oauth(AccessMode.IMPERSONATION), ANNA);
        gateway.probe(oauth(AccessMode.DELEGATION), MICHAEL);
        assertEquals(1, tokenRequests.get());

        gateway.verify(oauth(AccessMode.IMPERSONATION, CLIENT_SECRET, 2));
        assertEquals(2, tokenRequests.get(), "a new generation never reuses the old one's token");
        gateway.verify(oauth(AccessMode.IMPERSONATION, CLIENT_SECRET, 2));
        assertEquals(2, tokenRequests.get());

        // Same generation, other secret (a caller that forgot to count up): still not the old token.
        assertThrows(CredentialRejected.class, () -> gateway.verify(oauth(AccessMode.IMPERSONATION, "Other-Secret", 2)));
        assertEquals(3, tokenRequests.get());
        assertEquals(7, sim.requestLog().entries().size(), "verify, two probes of two requests, two verifies");
    }

    @Test
    void aTokenIsRenewedFiveMinutesBeforeItExpires() {
        gateway.verify(oauth(AccessMode.IMPERSONATION));
        clock.advance(Duration.ofMinutes(54)); // the simulator's tokens live 60 minutes
        gateway.verify(oauth(AccessMode.IMPERSONATION));
        assertEquals(1, tokenRequests.get());
        clock.advance(Duration.ofMinutes(1));
        gateway.verify(oauth(AccessMode.IMPERSONATION));
        assertEquals(2, tokenRequests.get());
    }

    @Test
    void concurrentCallsShareOneTokenRequest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> {
                    gateway.verify(oauth(AccessMode.IMPERSONATION));
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, tokenRequests.get());
        assertEquals(8, sim.requestLog().entries().size());
    }

    @Test
    void exchangeRefusingTheTokenDropsItWithoutRetrying() {
        gateway.verify(oauth(AccessMode.IMPERSONATION));
        sim.tokens().revokeAll(); // as if the tenant revoked it, or the app lost full_access_as_app
        sim.requestLog().clear();

        CredentialRejected rejected = assertThrows(CredentialRejected.class,
                () -> gateway.verify(oauth(AccessMode.IMPERSONATION)));
        assertTrue(rejected.getMessage().contains("access token"), rejected.getMessage());
        List<RequestLogEntry> log = sim.requestLog().entries();
        assertEquals(1, log.size(), "no retry: " + log);
        assertEquals(RequestLogEntry.AuthOutcome.INVALID_TOKEN, log.get(0).authOutcome());
        assertEquals(1, tokenRequests.get());

        gateway.verify(oauth(AccessMode.IMPERSONATION));
        assertEquals(2, tokenRequests.get(), "the refused token was dropped");
    }

    @Test
    void anAppThatMayNotActAsTheDedicatedMailboxIsToldSo() {
        Directory.Application demo = sim.directory().application(CLIENT_ID).orElseThrow();
        Set<org.corpconnect.sim.directory.MailboxAddress> users = new HashSet<>(demo.scope().mailboxes());
        users.remove(org.corpconnect.sim.directory.MailboxAddress.of(SERVICE));
        sim.directory().registerApplication(new Directory.Application(demo.clientId(), demo.clientSecret(),
                demo.tenantId(), ImpersonationScope.only(users)));
        try {
            ExchangeFailure failure = assertThrows(ExchangeFailure.class, () -> gateway.verify(oauth(AccessMode.IMPERSONATION)));
            assertTrue(failure.getMessage().contains("application access policy"), failure.getMessage());
            assertThrows(ExchangeFailure.class, () -> gateway.busyTimes(oauth(AccessMode.IMPERSONATION), List.of(ANNA),
                    new TimeWindow(Instant.now(), Instant.now().plus(1, ChronoUnit.HOURS))));
            // The user's own calendar still opens: impersonating Anna is within the policy.
            CalendarAccessProbe anna = gateway.probe(oauth(AccessMode.IMPERSONATION), ANNA,
                    new MailboxBusyTime.Known(List.of()));
            assertTrue(anna.canWrite(), anna.toString());
        } finally {
            sim.directory().registerApplication(demo);
        }
    }

    @Test
    void anUnreachableTokenEndpointIsExchangeUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ExchangeCredential.OAuthApp nowhere = new ExchangeCredential.OAuthApp(TENANT, CLIENT_ID,
                Secret.of(CLIENT_SECRET), URI.create("http://127.0.0.1:" + closedPort + "/" + TENANT + "/oauth2/v2.0/token"));
        ExchangeAccess access = new ExchangeAccess(sim.ewsUrl(), new MailboxAddress(SERVICE), AccessMode.IMPERSONATION,
                nowhere, 1);
        assertThrows(ExchangeUnreachable.class, () -> gateway.verify(access));
        assertEquals(List.of(), sim.requestLog().entries());
    }

    @Test
    void tokenEndpointAnswersAreTranslated() {
        ExchangeCredential.OAuthApp app = app(sim, CLIENT_SECRET);
        OAuthTokens.Token token = OAuthTokens.answer(app, 200,
                "{\"token_type\":\"Bearer\",\"expires_in\":\"3599\",\"access_token\":\"abc\"}");
        assertEquals(new OAuthTokens.Token("abc", Duration.ofSeconds(3599)), token);
        assertFalse(token.toString().contains("abc"));
        String unknownClient = assertThrows(CredentialRejected.class, () -> OAuthTokens.answer(app, 400,
                "{\"error\":\"unauthorized_client\",\"error_description\":\"AADSTS700016: ...\"}")).getMessage();
        assertTrue(unknownClient.contains(CLIENT_ID), unknownClient);
        assertThrows(CredentialRejected.class, () -> OAuthTokens.answer(app, 401, ""));
        assertThrows(ExchangeThrottled.class, () -> OAuthTokens.answer(app, 429, "{}"));
        assertThrows(ExchangeFailure.class, () -> OAuthTokens.answer(app, 500, "<html>"));
        assertThrows(ExchangeFailure.class, () -> OAuthTokens.answer(app, 200, "{\"token_type\":\"Bearer\"}"));
    }
}
