package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeGateway;
import org.corpconnect.exchange.ExchangeUnreachable;
import org.corpconnect.exchange.outbound.OutboundRefused;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No server-side request forgery: inside the deployed server with the test domain's allow-list (the
 * public internet, and on this machine only the simulator's port), every URL an admin can type (the
 * EWS URL, the token endpoint, the Autodiscover URL), Autodiscover's guesses from the mailbox's domain
 * and a redirect, aimed at this machine's or a private network's addresses, are refused with the one
 * neutral sentence, and a listener on the target sees no connection at all.
 */
@ServerTest
class OutboundIT {

    /** An allowed host (see it/pom.xml) that redirects to wherever the test says. */
    private static final int REDIRECTOR_PORT = Integer.parseInt(System.getenv().getOrDefault("IT_REDIRECTOR_PORT", "28026"));

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestsInside();
    }

    @Inject
    ExchangeGateway exchange;

    private Listener listener;

    @BeforeEach
    void listen() throws IOException {
        listener = new Listener(new ServerSocket(0)); // every interface, IPv4 and IPv6
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
    }

    /** The listener's port on this machine by every way of naming it an admin might try. */
    private List<URI> thisMachine(String path) throws IOException {
        int port = listener.port();
        List<String> hosts = new ArrayList<>(List.of("127.0.0.1", "127.0.0.2", "localhost", "[::1]",
                InetAddress.getLocalHost().getHostName(), "0.0.0.0"));
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress()) { // the machine's own private, link-local or other addresses
                    String literal = address.getHostAddress().replaceAll("%.*", "");
                    hosts.add(literal.contains(":") ? "[" + literal + "]" : literal);
                }
            }
        }
        List<URI> urls = new ArrayList<>();
        for (String host : hosts) {
            urls.add(URI.create("http://" + host + ":" + port + path));
            urls.add(URI.create("https://" + host + ":" + port + path));
        }
        // Addresses no listener here can have: refused before any packet leaves.
        urls.add(URI.create("http://169.254.169.254/latest/meta-data/"));
        urls.add(URI.create("https://10.0.0.1" + path));
        urls.add(URI.create("https://192.168.0.1" + path));
        urls.add(URI.create("https://[fd00::1]" + path));
        return urls;
    }

    private static void assertNeutrallyRefused(URI url, Runnable call) {
        ExchangeException refused = assertThrows(ExchangeUnreachable.class, call::run, url.toString());
        assertEquals(OutboundRefused.SENTENCE, refused.getMessage(), url.toString());
    }

    @Test
    void theEwsUrlAimedAtThisMachineOrAPrivateNetworkIsRefused() throws IOException {
        for (URI url : thisMachine("/EWS/Exchange.asmx")) {
            assertNeutrallyRefused(url, () -> exchange.verify(passwordAccess(url)));
        }
        assertEquals(0, listener.connections(), "the listener saw a connection");
        // A closed port on this machine reads exactly as a refused one: nothing tells them apart.
        assertNeutrallyRefused(URI.create("http://localhost:9/"),
                () -> exchange.verify(passwordAccess(URI.create("http://localhost:9/EWS/Exchange.asmx"))));
    }

    @Test
    void theTokenEndpointAimedAtThisMachineOrAPrivateNetworkIsRefused() throws IOException {
        for (URI url : thisMachine("/contoso-test/oauth2/v2.0/token")) {
            assertNeutrallyRefused(url, () -> exchange.verify(appAccess(url)));
        }
        assertEquals(0, listener.connections(), "the listener saw a connection");
    }

    @Test
    void theAutodiscoverUrlAimedAtThisMachineOrAPrivateNetworkIsRefused() throws IOException {
        for (URI url : thisMachine("/autodiscover/autodiscover.svc")) {
            assertNeutrallyRefused(url, () -> exchange.discoverEwsUrl(new MailboxAddress(TestExchange.SERVICE_MAILBOX),
                    password(), Optional.of(url)));
        }
        assertEquals(0, listener.connections(), "the listener saw a connection");
    }

    @Test
    void autodiscoversGuessesFromAMailboxDomainOnThisMachineAreRefused() throws IOException {
        // The guesses go to https://<domain>/ and http(s)://autodiscover.<domain>/: ports 443 and 80 of 127.0.0.1.
        try (Listener https = new Listener(new ServerSocket(443, 50, InetAddress.getByName("127.0.0.1")));
             Listener http = new Listener(new ServerSocket(80, 50, InetAddress.getByName("127.0.0.1")))) {
            ExchangeException none = assertThrows(ExchangeUnreachable.class, () -> exchange.discoverEwsUrl(
                    new MailboxAddress("booking@127.0.0.1"), password(), Optional.empty()));
            assertTrue(none.getMessage().startsWith("Autodiscover found no service the server could call"),
                    none.getMessage());
            assertEquals(0, https.connections() + http.connections(), "a guess reached this machine");
        }
    }

    @Test
    void aRedirectToThisMachineIsNotFollowed() throws IOException {
        URI target = URI.create("http://127.0.0.1:" + listener.port() + "/autodiscover/autodiscover.svc");
        try (Listener redirector = Listener.redirecting(REDIRECTOR_PORT, target)) {
            URI allowed = URI.create("http://localhost:" + REDIRECTOR_PORT + "/autodiscover/autodiscover.svc");
            assertNeutrallyRefused(allowed, () -> exchange.discoverEwsUrl(
                    new MailboxAddress(TestExchange.SERVICE_MAILBOX), password(), Optional.of(allowed)));
            URI ews = URI.create("http://localhost:" + REDIRECTOR_PORT + "/EWS/Exchange.asmx");
            assertThrows(ExchangeException.class, () -> exchange.verify(passwordAccess(ews)));
            URI token = URI.create("http://localhost:" + REDIRECTOR_PORT + "/contoso-test/oauth2/v2.0/token");
            assertThrows(ExchangeException.class, () -> exchange.verify(appAccess(token)));
            assertTrue(redirector.connections() >= 3, "the redirector was asked: " + redirector.connections());
        }
        assertEquals(0, listener.connections(), "the redirect's target saw a connection");
    }

    @Test
    void theSimulatorOnItsAllowedPortStillWorks() {
        URI simulator = URI.create("http://localhost:" + TestExchange.PORT);
        assertDoesNotThrow(() -> exchange.verify(passwordAccess(TestExchange.ewsUrl())));
        // The app's token from the simulator's token endpoint, used for Autodiscover (its scope holds Laura).
        ExchangeCredential app = appAccess(simulator.resolve("/contoso-test/oauth2/v2.0/token")).credential();
        URI found = exchange.discoverEwsUrl(new MailboxAddress("laura.krueger@contoso.test"), app,
                Optional.of(simulator.resolve("/autodiscover/autodiscover.svc")));
        assertEquals(TestExchange.ewsUrl().getPort(), found.getPort(), found.toString());
        assertDoesNotThrow(() -> exchange.verify(passwordAccess(found)), "the URL Autodiscover found is allowed too");
    }

    private static ExchangeCredential password() {
        return new ExchangeCredential.Password(TestExchange.SERVICE_MAILBOX, Secret.of(TestExchange.SERVICE_PASSWORD),
                ExchangeCredential.PasswordScheme.BASIC);
    }

    private static ExchangeAccess passwordAccess(URI ewsUrl) {
        return new ExchangeAccess(ewsUrl, new MailboxAddress(TestExchange.SERVICE_MAILBOX), AccessMode.IMPERSONATION,
                password(), 1);
    }

    /** The simulator's demo app, its token fetched from {@code tokenEndpoint}; the EWS URL is the simulator's. */
    private static ExchangeAccess appAccess(URI tokenEndpoint) {
        var app = new ExchangeCredential.OAuthApp("contoso-test", "corpconnect-demo-app",
                Secret.of("Demo-App-Secret-1!"), tokenEndpoint);
        return new ExchangeAccess(TestExchange.ewsUrl(), new MailboxAddress(TestExchange.SERVICE_MAILBOX),
                AccessMode.IMPERSONATION, app, System.nanoTime());
    }

    /** Accepts connections and counts them; answers each with what {@code answer} says, or closes it. */
    static final class Listener implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();

        Listener(ServerSocket socket) {
            this(socket, null);
        }

        private Listener(ServerSocket socket, Function<Socket, String> answer) {
            this.socket = socket;
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket accepted = socket.accept()) {
                        connections.incrementAndGet();
                        if (answer != null) {
                            accepted.setSoTimeout(2000);
                            accepted.getInputStream().read(new byte[8192]); // the request's head, enough here
                            OutputStream out = accepted.getOutputStream();
                            out.write(answer.apply(accepted).getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    } catch (IOException e) {
                        // closed, or the client went away: nothing to count
                    }
                }
            }, "outbound-it-listener");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        static Listener redirecting(int port, URI target) throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return new Listener(socket, s -> "HTTP/1.1 302 Found\r\nLocation: " + target
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
