package org.corpconnect.exchange.outbound;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundPolicyTest {

    private static final OutboundPolicy DEFAULT = OutboundPolicy.publicHttpsOnly();

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // a literal: parsed, not looked up
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "198.18.0.1",
            "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
            "::127.0.0.1", "64:ff9b::a00:1", "2002:7f00:1::1", "2001:0:4136:e378::1", "fec0::1"})
    void theDefaultRefusesEveryAddressThatIsNotPublic(String address) throws Exception {
        OutboundRefused refused = assertThrows(OutboundRefused.class,
                () -> DEFAULT.checkConnection("https", address, ip(address), 443));
        assertEquals(OutboundRefused.SENTENCE, refused.getMessage());
        assertTrue(refused.reason().contains("exchange.allowed-hosts"), refused.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "40.96.0.1", "172.32.0.1", "192.169.0.1", "2606:4700:4700::1111",
            "2620:1ec:4::152"})
    void theDefaultAdmitsPublicAddressesOverHttpsOnly(String address) throws Exception {
        assertDoesNotThrow(() -> DEFAULT.checkConnection("https", "mail.example.com", ip(address), 443));
        OutboundRefused plain = assertThrows(OutboundRefused.class,
                () -> DEFAULT.checkConnection("http", "mail.example.com", ip(address), 80));
        assertTrue(plain.reason().contains("plain http"), plain.reason());
    }

    @Test
    void theDemoAllowsItsSimulatorAndNothingElseOnThisMachine() throws Exception {
        OutboundPolicy demo = OutboundPolicy.of("public, localhost:8025", "localhost:8025");
        assertDoesNotThrow(() -> demo.checkConnection("http", "localhost", ip("127.0.0.1"), 8025));
        assertDoesNotThrow(() -> demo.checkConnection("http", "LOCALHOST.", ip("::1"), 8025));
        assertDoesNotThrow(() -> demo.checkUrl(URI.create("http://localhost:8025/EWS/Exchange.asmx")));
        assertThrows(OutboundRefused.class, () -> demo.checkConnection("http", "localhost", ip("127.0.0.1"), 4848));
        assertThrows(OutboundRefused.class, () -> demo.checkConnection("http", "127.0.0.1", ip("127.0.0.1"), 8025));
        assertThrows(OutboundRefused.class, () -> demo.checkUrl(URI.create("http://localhost:4848/")));
        assertThrows(OutboundRefused.class, () -> demo.checkUrl(URI.create("http://127.0.0.1:8025/")));
        assertThrows(OutboundRefused.class, () -> demo.checkUrl(URI.create("https://169.254.169.254/latest")));
        // A public host may be called, but only over HTTPS.
        assertThrows(OutboundRefused.class, () -> demo.checkConnection("http", "mail.example.com", ip("8.8.8.8"), 80));
        assertDoesNotThrow(() -> demo.checkConnection("https", "mail.example.com", ip("8.8.8.8"), 443));
    }

    @Test
    void addressesBlocksAndPortsAsTheOperatorWritesThem() throws Exception {
        OutboundPolicy policy = OutboundPolicy.of("10.1.2.0/24 192.168.5.5:8443,[fd00::5]:443 mail.corp.example", "");
        assertDoesNotThrow(() -> policy.checkConnection("https", "a", ip("10.1.2.77"), 1234));
        assertThrows(OutboundRefused.class, () -> policy.checkConnection("https", "a", ip("10.1.3.1"), 443));
        assertDoesNotThrow(() -> policy.checkConnection("https", "b", ip("192.168.5.5"), 8443));
        assertThrows(OutboundRefused.class, () -> policy.checkConnection("https", "b", ip("192.168.5.5"), 443));
        assertDoesNotThrow(() -> policy.checkConnection("https", "c", ip("fd00::5"), 443));
        assertThrows(OutboundRefused.class, () -> policy.checkConnection("https", "c", ip("fd00::6"), 443));
        assertDoesNotThrow(() -> policy.checkConnection("https", "Mail.Corp.Example", ip("10.9.9.9"), 443));
        // Without "public" the list is all there is.
        assertThrows(OutboundRefused.class, () -> policy.checkConnection("https", "x", ip("8.8.8.8"), 443));
    }

    @Test
    void onlyHttpAndHttpsWithAHost() {
        OutboundPolicy any = OutboundPolicy.of("public, 0.0.0.0/0, ::/0", "0.0.0.0/0, ::/0");
        assertThrows(OutboundRefused.class, () -> any.checkUrl(URI.create("ftp://127.0.0.1/x")));
        assertThrows(OutboundRefused.class, () -> any.checkUrl(URI.create("file:///etc/passwd")));
        assertThrows(OutboundRefused.class, () -> any.checkUrl(URI.create("https:/no-host")));
        assertThrows(OutboundRefused.class, () -> any.checkUrl(URI.create("https://no-such-host.invalid/")));
        assertDoesNotThrow(() -> any.checkUrl(URI.create("http://127.0.0.1:9/")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/x", "localhost:0", "localhost:70000", "local_host",
            "[::1", "host:port", "-bad.example"})
    void aBadEntryIsRefusedNamingIt(String entry) {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> OutboundPolicy.of("public, " + entry, ""));
        assertTrue(bad.getMessage().contains(entry.strip()), bad.getMessage());
    }
}
