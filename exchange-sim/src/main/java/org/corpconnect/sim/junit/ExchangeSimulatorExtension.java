package org.corpconnect.sim.junit;

import java.util.List;
import java.util.function.Consumer;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.Dataset;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs one simulator for a test class, always in test mode (every response validated), and fails
 * the test after which the simulator sent a response that is not valid against the EWS schema.
 *
 * <pre>{@code
 * @RegisterExtension
 * static ExchangeSimulatorExtension exchange = ExchangeSimulatorExtension.withDataset(Dataset.demo());
 * ... exchange.simulator().ewsUrl() ...
 * }</pre>
 *
 * The schema directory comes from the {@code shared.dir} system property (as the build passes it),
 * unless {@link #configure} sets it.
 */
public final class ExchangeSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private final ExchangeSimulator.Builder builder;
    private ExchangeSimulator simulator;
    private int failuresBefore;

    private ExchangeSimulatorExtension(ExchangeSimulator.Builder builder) {
        this.builder = builder;
    }

    public static ExchangeSimulatorExtension withDataset(Dataset dataset) {
        return new ExchangeSimulatorExtension(ExchangeSimulator.builder().port(0).dataset(dataset));
    }

    /** Further builder settings (schema directory, lockout, control token...); test mode stays on. */
    public ExchangeSimulatorExtension configure(Consumer<ExchangeSimulator.Builder> settings) {
        settings.accept(builder);
        return this;
    }

    public ExchangeSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The simulator runs from beforeAll to afterAll of the test class");
        }
        return simulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator = builder.validateResponses(true).start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        failuresBefore = simulator.responseValidationFailures().size();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> failures = simulator.responseValidationFailures();
        if (failures.size() > failuresBefore) {
            throw new AssertionError("The Exchange simulator sent responses (or took Graph request bodies) that are not "
                    + "valid against the EWS or Graph schema "
                    + "during this test:\n" + String.join("\n", failures.subList(failuresBefore, failures.size())));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
