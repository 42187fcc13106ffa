package org.corpconnect.exchange.ews;

import static org.corpconnect.exchange.ews.Simulated.*;
import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.io.TempDir;
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
    void aServerWithASelfSignedCertificateNeverSeesTheCredential(@TempDir Path dir) throws Exception {
        // ews-java-api's own trust manager accepts any single self-signed certificate; the gateway's must not.
        Path keystore = dir.resolve("self-signed.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "exchange", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertEquals(0, keytool.waitFor(), "keytool made the certificate");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer impostor = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        impostor.setHttpsConfigurator(new HttpsConfigurator(tls));
        AtomicInteger requests = new AtomicInteger();
        impostor.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        impostor.start();
        try {
            URI url = URI.create("https://localhost:" + impostor.getAddress().getPort() + "/EWS/Exchange.asmx");
            assertRefused(url, () -> gateway(Simulated.LOOPBACK_ALLOWED).verify(new ExchangeAccess(url,
                    new MailboxAddress(SERVICE), AccessMode.IMPERSONATION, access(sim, AccessMode.IMPERSONATION).credential(), 1)));
            URI autodiscover = URI.create("https://localhost:" + impostor.getAddress().getPort() + "/autodiscover/autodiscover.svc");
            assertRefused(autodiscover, () -> gateway(Simulated.LOOPBACK_ALLOWED).discoverEwsUrl(ANNA,
                    access(sim, AccessMode.IMPERSONATION).credential(), Optional.of(autodiscover)));
        } finally {
            impostor.stop(0);
        }
        assertEquals(0, requests.get(), "no request, so no credential, reached the impostor");
    }

    @Test
    void theSimulatorItselfIsAllowed() {
        assertDoesNotThrow(() -> gateway.verify(access(sim, AccessMode.IMPERSONATION)));
        assertEquals(sim.ewsUrl(), gateway.discoverEwsUrl(ANNA, access(sim, AccessMode.IMPERSONATION).credential(),
                Optional.of(sim.autodiscoverUrl())));
    }
}
