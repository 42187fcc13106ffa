package org.corpconnect.sim.tls;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.net.ServerSocket;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.Dataset;
import org.junit.jupiter.api.Test;

/** The certificate the simulator makes, and its HTTPS listener beside the HTTP one. */
class HttpsListenerTest {
    @Test
    void theCertificateNamesTheLoopbackNamesAndTheBindHost() throws Exception {
        X509Certificate c = SimulatorCertificate.create("sim.example.test").certificate();
        Set<String> names = c.getSubjectAlternativeNames().stream().map(n -> String.valueOf(((List<?>) n).get(1)))
                .collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("localhost", "127.0.0.1", "sim.example.test")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("0:0:0:0:0:0:0:1")), names.toString());
        c.checkValidity();
        c.verify(c.getPublicKey()); // self-signed: the client trusts exactly this certificate
    }

    @Test
    void aTakenHttpsPortFailsTheStartAndFreesTheHttpPort() throws Exception {
        int httpPort;
        try (ServerSocket s = new ServerSocket(0)) {
            httpPort = s.getLocalPort();
        }
        try (ExchangeSimulator first = ExchangeSimulator.builder().port(0).httpsPort(0).schemaDir(schemaDir())
                .dataset(Dataset.demo()).start()) {
            int taken = first.httpsBaseUrl().getPort();
            assertThrows(IllegalStateException.class, () -> ExchangeSimulator.builder().port(httpPort).httpsPort(taken)
                    .schemaDir(schemaDir()).dataset(Dataset.demo()).start());
        }
        try (ExchangeSimulator again = ExchangeSimulator.builder().port(httpPort).schemaDir(schemaDir())
                .dataset(Dataset.demo()).start()) {
            assertEquals(httpPort, again.port(), "the failed start left the HTTP port free");
        }
    }
}
