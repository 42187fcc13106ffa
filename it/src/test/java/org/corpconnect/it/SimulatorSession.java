package org.corpconnect.it;

import java.nio.file.Path;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.Dataset;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the Exchange simulator once for the whole test run, on {@link TestExchange#PORT}, in test
 * mode: every response it sends is validated against Microsoft's schema, and
 * {@link #assertAllResponsesValid()} fails a test when one was not.
 */
public class SimulatorSession implements LauncherSessionListener {

    private static ExchangeSimulator simulator;

    public static ExchangeSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The simulator runs in the test JVM only, started by SimulatorSession.");
        }
        return simulator;
    }

    public static void assertAllResponsesValid() {
        simulator().assertAllResponsesValid();
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        // Only the integration-test run (failsafe passes ear.file) needs it; surefire finds no test here.
        if (simulator != null || System.getProperty("ear.file") == null) {
            return;
        }
        Path shared = Path.of(System.getProperty("shared.dir", "../../shared"));
        simulator = ExchangeSimulator.builder()
                .port(TestExchange.PORT)
                .httpsPort(TestExchange.HTTPS_PORT)
                .certificateFile(Path.of(System.getenv().getOrDefault("IT_SIM_CERTIFICATE_FILE", "target/exchange-sim.pem")))
                .schemaDir(shared.resolve("ews-schema/exchange-online-2023"))
                .dataset(Dataset.demo())
                .controlToken(TestExchange.CONTROL_TOKEN)
                .clock(SimulatorClock.INSTANCE)
                .validateResponses(true)
                .start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
