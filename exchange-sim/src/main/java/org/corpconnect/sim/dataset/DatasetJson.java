package org.corpconnect.sim.dataset;

import java.nio.file.Path;

/** Reads a data set from JSON. */
final class DatasetJson {
    private DatasetJson() {
    }

    static Dataset read(Path file) {
        throw new UnsupportedOperationException("not yet");
    }
}
