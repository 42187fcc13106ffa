package org.corpconnect.sim;

import static org.corpconnect.sim.TestSupport.SERVICE;
import static org.corpconnect.sim.TestSupport.SERVICE_PASSWORD;
import static org.corpconnect.sim.TestSupport.basic;
import static org.corpconnect.sim.TestSupport.envelope;
import static org.corpconnect.sim.TestSupport.post;
import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

    /** A clone without the shared directory: the command still serves, unchecked, and its first line says so. */
    @Test
    void withoutTheSchemaItServesUncheckedAndSaysSoOnItsFirstLine() throws Exception {
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), ExchangeSimulatorMain.class.getName(),
                "--no-schema", "--port", "0", "--https-port", "-1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
            String first = out.readLine();
            assertTrue(first.startsWith("WARNING: no schema validation"), first);
            String listening = out.readLine();
            assertTrue(listening.startsWith("Exchange simulator listening on http://"), listening);
            URI base = URI.create(listening.substring("Exchange simulator listening on ".length()));

            HttpResponse<String> valid = post(base.resolve("/EWS/Exchange.asmx"), basic(SERVICE, SERVICE_PASSWORD),
                    envelope("", EwsEndpointTest.GUA));
            assertEquals(200, valid.statusCode(), valid.body());
            assertTrue(valid.body().contains("<m:ResponseCode>NoError</m:ResponseCode>"), valid.body());
            String invalid = EwsEndpointTest.GUA.replace("<t:RequestedView>FreeBusy</t:RequestedView>",
                    "<t:RequestedView>Everything</t:RequestedView>");
            HttpResponse<String> unchecked = post(base.resolve("/EWS/Exchange.asmx"), basic(SERVICE, SERVICE_PASSWORD),
                    envelope("", invalid));
            assertFalse(unchecked.body().contains("ErrorSchemaValidation"), "no schema, no schema check: " + unchecked.body());
            HttpResponse<Void> wsdl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/EWS/Services.wsdl"))
                    .header("Authorization", basic(SERVICE, SERVICE_PASSWORD)).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(404, wsdl.statusCode(), "no schema, no WSDL");
        } finally {
            process.destroy();
            process.waitFor();
        }
        assertThrows(IllegalArgumentException.class, () -> ExchangeSimulatorMain.Options.parse(
                new String[] {"--no-schema", "--schema-dir", TestSupport.schemaDir().toString()}));
        assertThrows(IllegalArgumentException.class, () -> ExchangeSimulatorMain.Options.parse(
                new String[] {"--no-schema", "--validate-responses"}));
        assertThrows(IllegalStateException.class, () -> ExchangeSimulator.builder().port(0).withoutSchema()
                .validateResponses(true).start(), "test mode always validates");
    }

    @Test
    void unknownFlagsAndMissingValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ExchangeSimulatorMain.Options.parse(new String[] {"--bogus"}));
        assertThrows(IllegalArgumentException.class, () -> ExchangeSimulatorMain.Options.parse(new String[] {"--port"}));
    }
}
