package org.corpconnect.sim.entra;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.Dataset;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's Node token client, @azure/msal-node, nobody here wrote, against the simulated Entra ID
 * ({@code interop/entra/msal-node-check.js}): it trusts only the simulator's PEM and finds the endpoints
 * through the discovery document. A missing Node or package fails the test: {@code .ci/run} installs them.
 */
class MsalNodeCheckTest {
    private static final Path CHECK = Path.of("interop", "entra").toAbsolutePath();

    @Test
    void msalNodeSignsInAsTheDocumentedFlowsSay() throws Exception {
        assertTrue(Files.isDirectory(CHECK.resolve("node_modules").resolve("@azure").resolve("msal-node")),
                "@azure/msal-node is not installed: run `npm install` in exchange-sim/interop/entra (.ci/run does)");
        Path pem = Files.createTempDirectory("sim-cert").resolve("exchange-sim.pem");
        try (ExchangeSimulator sim = ExchangeSimulator.builder().port(0).httpsPort(0).certificateFile(pem)
                .schemaDir(schemaDir()).dataset(Dataset.demo()).controlToken("t").validateResponses(true).start()) {
            ProcessBuilder command = new ProcessBuilder(List.of("node", "msal-node-check.js", sim.httpsBaseUrl().toString(), "t"))
                    .directory(CHECK.toFile()).redirectErrorStream(true);
            command.environment().put("NODE_EXTRA_CA_CERTS", pem.toString());
            Process process = command.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the client did not finish");
            System.out.println(output); // the client's PASS/FAIL lines, for the build log
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("All checks passed."), output);
            assertFalse(output.contains("FAIL"), output);
            sim.assertAllResponsesValid();
        } finally {
            Files.deleteIfExists(pem);
        }
    }
}
