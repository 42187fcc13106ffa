package org.corpconnect.sim.junit;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import org.corpconnect.sim.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension starts a test-mode simulator for the class. */
class ExchangeSimulatorExtensionTest {
    @RegisterExtension
    static ExchangeSimulatorExtension exchange = ExchangeSimulatorExtension.withDataset(Dataset.demo())
            .configure(b -> b.schemaDir(schemaDir()));

    @Test
    void aTestModeSimulatorRunsForTheClass() throws Exception {
        assertEquals(200, post(exchange.simulator().ewsUrl(), basic(SERVICE, SERVICE_PASSWORD),
                envelope("", org.corpconnect.sim.EwsEndpointTestAccess.GUA)).statusCode());
        assertTrue(exchange.simulator().responseValidationFailures().isEmpty());
    }

    @Test
    void lifecycleWithoutFailuresPassesAndStopsTheSimulator() {
        ExchangeSimulatorExtension other = ExchangeSimulatorExtension.withDataset(Dataset.demo())
                .configure(b -> b.schemaDir(schemaDir()));
        other.beforeAll(null);
        try {
            other.beforeEach(null);
            other.afterEach(null); // nothing happened: no failure
        } finally {
            other.afterAll(null);
        }
        assertThrows(IllegalStateException.class, other::simulator);
    }
}
