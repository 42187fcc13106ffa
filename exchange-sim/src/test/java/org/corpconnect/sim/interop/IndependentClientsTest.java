package org.corpconnect.sim.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.TestSupport;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.corpconnect.sim.soap.ServerProfile;
import org.junit.jupiter.api.Test;

/**
 * The simulator through EWS clients nobody here wrote, each driven by its documented default flow
 * against the demo data set: ews-javascript-api (Node, {@code interop/ews-javascript-api-check.js})
 * and exchangelib (Python, Debian's python3-exchangelib, {@code interop/exchangelib-check.py}); and its
 * Graph side through Microsoft's microsoft-graph-client (Node, {@code interop/graph-client-check.js}). Each
 * script gets free/busy for several users, walks the folder tree, views a delegate's calendar and
 * creates, reads and deletes an appointment by impersonation; it exits non-zero when a check fails.
 * A missing runtime or package fails the test: {@code .ci/run} installs them.
 */
class IndependentClientsTest {
    private static final Path INTEROP = Path.of("interop").toAbsolutePath();
    private static final String PYTHON = "/usr/bin/python3"; // Debian's, where python3-exchangelib installs

    @Test
    void ewsJavascriptApi() throws Exception {
        require(Files.isDirectory(INTEROP.resolve("node_modules").resolve("ews-javascript-api")),
                "ews-javascript-api is not installed: run `npm install` in exchange-sim/interop (.ci/run does)");
        try (ExchangeSimulator sim = simulator(ServerProfile.EXCHANGE_ONLINE)) {
            run(sim, List.of("node", "ews-javascript-api-check.js", sim.ewsUrl().toString()));
        }
    }

    /** Microsoft's JavaScript Graph client on the Graph side ({@code interop/graph-client-check.js}). */
    @Test
    void microsoftGraphClient() throws Exception {
        require(Files.isDirectory(INTEROP.resolve("node_modules").resolve("@microsoft").resolve("microsoft-graph-client")),
                "@microsoft/microsoft-graph-client is not installed: run `npm install` in exchange-sim/interop (.ci/run does)");
        try (ExchangeSimulator sim = simulator(ServerProfile.EXCHANGE_ONLINE)) {
            run(sim, List.of("node", "graph-client-check.js", sim.baseUrl().toString()));
        }
    }

    @Test
    void exchangelibAgainstExchangeOnline() throws Exception {
        try (ExchangeSimulator sim = simulator(ServerProfile.EXCHANGE_ONLINE)) {
            run(sim, List.of(PYTHON, "exchangelib-check.py", sim.ewsUrl().toString()));
            assertNegotiated(sim, "Exchange2019", "ErrorInvalidServerVersion", "Exchange2016");
        }
    }

    /** On-premises with Basic off: exchangelib finds NTLM in the challenge and logs on as CONTOSO\\booking-service. */
    @Test
    void exchangelibAgainstExchange2019WithNtlmOnly() throws Exception {
        try (ExchangeSimulator sim = ExchangeSimulator.builder().port(0).schemaDir(TestSupport.schemaDir())
                .dataset(Dataset.demo()).validateResponses(true).serverProfile(ServerProfile.EXCHANGE_2019)
                .basicAuth(false).start()) {
            String output = run(sim, List.of(PYTHON, "exchangelib-check.py", sim.ewsUrl().toString(), "CONTOSO\\booking-service"));
            assertTrue(output.contains("PASS authentication autodetected: NTLM"), output);
            assertNegotiated(sim, "Exchange2019", "ErrorInvalidRequest", "Exchange2016");
            assertTrue(sim.requestLog().entries().stream()
                    .anyMatch(e -> e.authOutcome() == RequestLogEntry.AuthOutcome.NTLM_CHALLENGE), "an NTLM handshake");
        }
    }

    /** exchangelib starts with the newest version it knows, and steps down on the server's refusal. */
    private static void assertNegotiated(ExchangeSimulator sim, String first, String refusal, String settled) {
        List<RequestLogEntry> soap = sim.requestLog().entries(e -> e.operation() != null && e.httpStatus() != 401);
        assertEquals(first, soap.get(0).requestServerVersion());
        assertEquals(List.of(refusal), soap.get(0).responseCodes());
        assertEquals(settled, soap.get(soap.size() - 1).requestServerVersion());
    }

    private static ExchangeSimulator simulator(ServerProfile profile) {
        return ExchangeSimulator.builder().port(0).schemaDir(TestSupport.schemaDir()).dataset(Dataset.demo())
                .validateResponses(true).serverProfile(profile).start();
    }

    private static String run(ExchangeSimulator sim, List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(new ArrayList<>(command)).directory(INTEROP.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail(command.get(0) + " cannot be started (" + e.getMessage() + "): .ci/run installs nodejs and python3-exchangelib");
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the client did not finish");
        System.out.println(output); // the client's PASS/FAIL lines, for the build log
        require(!output.contains("No module named 'exchangelib'"),
                "exchangelib is not installed: apt-get install python3-exchangelib (.ci/run does)");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("all checks passed"), output);
        sim.assertAllResponsesValid();
        return output;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            fail(message);
        }
    }
}
