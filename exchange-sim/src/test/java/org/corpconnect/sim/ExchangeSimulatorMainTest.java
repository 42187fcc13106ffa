package org.corpconnect.sim;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corpconnect.sim.directory.MailboxAddress;
import org.junit.jupiter.api.Test;

/** The command line: flags, defaults, data set choice, and a simulator built from them. */
class ExchangeSimulatorMainTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        ExchangeSimulatorMain.Options o = ExchangeSimulatorMain.Options.parse(new String[0]);
        assertEquals(8025, o.port);
        assertEquals(8443, o.httpsPort);
        assertEquals("demo", o.dataset);
        assertEquals("sim-control-token", o.controlToken);
        assertEquals(5, o.lockoutThreshold);
        assertEquals(30, o.lockoutMinutes);
    }

    @Test
    void flagsAreParsedWithSpaceOrEquals() throws Exception {
        Path pem = Files.createTempDirectory("sim-cert").resolve("exchange-sim.pem");
        ExchangeSimulatorMain.Options o = ExchangeSimulatorMain.Options.parse(new String[] {"--port", "0",
                "--https-port", "0", "--certificate-file", pem.toString(),
                "--dataset=generated:12", "--control-token", "x", "--lockout-threshold=3", "--lockout-minutes", "7",
                "--schema-dir", TestSupport.schemaDir().toString()});
        assertEquals(0, o.port);
        assertEquals("x", o.controlToken);
        try (ExchangeSimulator sim = o.builder().start()) {
            assertEquals(13, sim.directory().size());
            assertEquals(3, sim.authenticator().threshold());
            assertEquals(Duration.ofMinutes(7), sim.authenticator().lockoutDuration());
            assertTrue(sim.ewsUrl().toString().endsWith("/EWS/Exchange.asmx"));
            assertEquals("https", sim.httpsBaseUrl().getScheme());
            assertEquals(sim.certificate().orElseThrow().pem(), Files.readString(pem), "the PEM file is the served certificate");
        } finally {
            Files.deleteIfExists(pem);
        }
    }

    @Test
    void aDataSetFileIsLoaded() throws Exception {
        Path file = Files.createTempFile("dataset", ".json");
        Files.writeString(file, "{\"domain\":\"fabrikam.test\",\"mailboxes\":[{\"address\":\"a@fabrikam.test\",\"password\":\"p\"}]}");
        ExchangeSimulatorMain.Options o = ExchangeSimulatorMain.Options.parse(new String[] {"--port", "0",
                "--https-port", "-1", "--dataset", file.toString(), "--schema-dir", TestSupport.schemaDir().toString()});
        try (ExchangeSimulator sim = o.builder().start()) {
            assertTrue(sim.directory().find(MailboxAddress.of("a@fabrikam.test")).isPresent());
            assertEquals("fabrikam.test", sim.directory().domain());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void anOnPremisesServerWithBasicOffIsChosenOnTheCommandLine() {
        ExchangeSimulatorMain.Options o = ExchangeSimulatorMain.Options.parse(new String[] {"--port", "0",
                "--https-port", "-1", "--server-version", "2019", "--no-basic", "--schema-dir", TestSupport.schemaDir().toString()});
        try (ExchangeSimulator sim = o.builder().start()) {
            assertTrue(sim.authenticator().ntlmEnabled(), "NTLM is on by default on premises");
            assertFalse(sim.authenticator().basicEnabled());
        }
        ExchangeSimulatorMain.Options online = ExchangeSimulatorMain.Options.parse(new String[] {"--port", "0", "--ntlm",
                "--https-port", "-1", "--schema-dir", TestSupport.schemaDir().toString()});
        try (ExchangeSimulator sim = online.builder().start()) {
            assertTrue(sim.authenticator().ntlmEnabled() && sim.authenticator().basicEnabled());
        }
        assertThrows(IllegalArgumentException.class,
                () -> ExchangeSimulatorMain.Options.parse(new String[] {"--server-version", "2003"}));
    }

    @Test
    void unknownFlagsAndMissingValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ExchangeSimulatorMain.Options.parse(new String[] {"--bogus"}));
        assertThrows(IllegalArgumentException.class, () -> ExchangeSimulatorMain.Options.parse(new String[] {"--port"}));
    }
}
