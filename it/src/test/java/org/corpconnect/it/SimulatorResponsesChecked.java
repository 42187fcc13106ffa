package org.corpconnect.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fails the test class when the simulator sent any response that does not validate against the schema. */
public class SimulatorResponsesChecked implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        // Arquillian also runs the class inside the server, where there is no simulator object.
        if (System.getProperty("ear.file") != null) {
            SimulatorSession.assertAllResponsesValid();
        }
    }
}
