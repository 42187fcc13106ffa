package org.corpconnect.exchange.ews;

import static org.corpconnect.exchange.ews.Simulated.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeUnreachable;
import org.corpconnect.exchange.outbound.OutboundPolicy;
import org.corpconnect.exchange.outbound.OutboundRefused;
import org.corpconnect.sim.ExchangeSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway under an allow-list that holds only the simulator: every other address on this machine is
 * refused with the neutral sentence before a connection is made (a listener there sees none).
 */
class EwsGatewayOutboundTest {
    private static ExchangeSimulator sim;
    private static EwsGateway gateway;
    private ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeAll
    static void start() {
        sim = Simulated.start();
        String simulator = "localhost:" + sim.ewsUrl().getPort() + ",127.0.0.1:" + sim.ewsUrl().getPort();
        gateway = gateway(OutboundPolicy.of("public," + simulator, simulator));
    }

    @AfterAll
    static void stop() {
        Simulated.stopChecked(sim);
    }

    @BeforeEach
    void listen() throws IOException {
        Simulated.reset(sim);
        listener = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    // the test is over
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException {
        listener.close();
    }

    private List<URI> elsewhereOnThisMachine(String path) {
        int port = listener.getLocalPort();
        return List.of(URI.create("http://127.0.0.1:" + port + path), URI.create("https://127.0.0.1:" + port + path),
                URI.create("http://localhost:" + port + path), URI.create("http://[::1]:" + port + path),
                URI.create("https://169.254.169.254" + path), URI.create("https://10.0.0.1" + path));
    }

    private static void assertRefused(URI url, org.junit.jupiter.api.function.Executable call) {
        ExchangeUnreachable refused = assertThrows(ExchangeUnreachable.class, call, url.toString());
        assertEquals(OutboundRefused.SENTENCE, refused.getMessage(), url.toString());
    }

    @Test
    void theEwsUrlTheTokenEndpointAndTheAutodiscoverUrlGoNowhereElse() {
        for (URI url : elsewhereOnThisMachine("/EWS/Exchange.asmx")) {
            assertRefused(url, () -> gateway.verify(new ExchangeAccess(url, new MailboxAddress(SERVICE),
                    AccessMode.IMPERSONATION, access(sim, AccessMode.IMPERSONATION).credential(), 1)));
        }
        for (URI url : elsewhereOnThisMachine("/contoso-test/oauth2/v2.0/token")) {
            var app = new ExchangeCredential.OAuthApp("contoso-test", "corpconnect-demo-app",
                    Secret.of(EwsGatewayOAuthTest.CLIENT_SECRET), url);
            assertRefused(url, () -> gateway.verify(new ExchangeAccess(sim.ewsUrl(), new MailboxAddress(SERVICE),
                    AccessMode.IMPERSONATION, app, 1)));
        }
        for (URI url : elsewhereOnThisMachine("/autodiscover/autodiscover.svc")) {
            assertRefused(url, () -> gateway.discoverEwsUrl(ANNA, access(sim, AccessMode.IMPERSONATION).credential(),
                    Optional.of(url)));
        }
        assertEquals(0, connections.get(), "the listener saw a connection");
        assertEquals(List.of(), sim.requestLog().entries(), "nothing reached the simulator either");
    }

    @Test
    void theSimulatorItselfIsAllowed() {
        assertDoesNotThrow(() -> gateway.verify(access(sim, AccessMode.IMPERSONATION)));
        assertEquals(sim.ewsUrl(), gateway.discoverEwsUrl(ANNA, access(sim, AccessMode.IMPERSONATION).credential(),
                Optional.of(sim.autodiscoverUrl())));
    }
}
