package org.corpconnect.exchange.ews;

import static org.corpconnect.exchange.ews.Simulated.*;
import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ExchangeUnreachable;
import org.corpconnect.exchange.outbound.OutboundRefused;
import org.corpconnect.sim.ExchangeSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link EwsGateway#discoverEwsUrl} against the simulator's SOAP Autodiscover, and its redirection rule. */
class EwsGatewayAutodiscoverTest {
    private static ExchangeSimulator sim;
    private final EwsGateway gateway = gateway();

    @BeforeAll
    static void start() {
        sim = Simulated.start();
    }

    @AfterAll
    static void stop() {
        Simulated.stopChecked(sim);
    }

    private static ExchangeCredential password(String password) {
        return new ExchangeCredential.Password(SERVICE, Secret.of(password), ExchangeCredential.PasswordScheme.BASIC);
    }

    @Test
    void theSimulatorsEwsUrlIsFoundForADemoUser() {
        assertEquals(sim.ewsUrl(), gateway.discoverEwsUrl(ANNA, password(SERVICE_PASSWORD), Optional.of(sim.autodiscoverUrl())));
        assertEquals(sim.ewsUrl(), gateway.discoverEwsUrl(new MailboxAddress(SERVICE), password(SERVICE_PASSWORD),
                Optional.of(sim.autodiscoverUrl())));
    }

    @Test
    void ntlmAndTheAppsTokenWorkToo() {
        ExchangeCredential ntlm = new ExchangeCredential.Password(SERVICE, Secret.of(SERVICE_PASSWORD),
                ExchangeCredential.PasswordScheme.NTLM);
        // The simulator has no NTLM: ews-java-api falls back to Basic after the challenge, as against IIS with both.
        assertEquals(sim.ewsUrl(), gateway.discoverEwsUrl(LAURA, ntlm, Optional.of(sim.autodiscoverUrl())));
        assertEquals(sim.ewsUrl(), gateway.discoverEwsUrl(LAURA,
                EwsGatewayOAuthTest.app(sim, EwsGatewayOAuthTest.CLIENT_SECRET), Optional.of(sim.autodiscoverUrl())));
    }

    @Test
    void aWrongPasswordIsCredentialRejected() {
        CredentialRejected rejected = assertThrows(CredentialRejected.class,
                () -> gateway.discoverEwsUrl(ANNA, password("wrong-password"), Optional.of(sim.autodiscoverUrl())));
        assertFalse(rejected.getMessage().contains("wrong-password"));
        assertThrows(CredentialRejected.class, () -> gateway.discoverEwsUrl(ANNA,
                EwsGatewayOAuthTest.app(sim, "wrong-secret"), Optional.of(sim.autodiscoverUrl())));
    }

    @Test
    void anUnknownMailboxIsAFailureNamingIt() {
        ExchangeFailure failure = assertThrows(ExchangeFailure.class,
                () -> gateway.discoverEwsUrl(GHOST, password(SERVICE_PASSWORD), Optional.of(sim.autodiscoverUrl())));
        assertTrue(failure.getMessage().contains(GHOST.value()) && failure.getMessage().contains("InvalidUser"),
                failure.getMessage());
    }

    @Test
    void redirectionIsFollowedWhereThePolicyAllowsAndNowhereElse() throws Exception {
        List<String> authorizationsSeen = new CopyOnWriteArrayList<>();
        HttpServer redirector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        redirector.createContext("/", exchange -> {
            authorizationsSeen.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String target = exchange.getRequestURI().getPath().startsWith("/local")
                    ? sim.autodiscoverUrl().toString()
                    : "http://autodiscover.contoso.test/autodiscover/autodiscover.svc";
            exchange.getResponseHeaders().add("Location", target);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirector.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + redirector.getAddress().getPort());
            assertEquals(sim.ewsUrl(), gateway.discoverEwsUrl(ANNA, password(SERVICE_PASSWORD),
                    Optional.of(base.resolve("/local/autodiscover/autodiscover.svc"))));

            ExchangeUnreachable refused = assertThrows(ExchangeUnreachable.class, () -> gateway.discoverEwsUrl(ANNA,
                    password(SERVICE_PASSWORD), Optional.of(base.resolve("/away/autodiscover/autodiscover.svc"))));
            assertEquals(OutboundRefused.SENTENCE, refused.getMessage());
        } finally {
            redirector.stop(0);
        }
        assertEquals(2, authorizationsSeen.size(), "the refused target was never asked: " + authorizationsSeen);
    }
}
