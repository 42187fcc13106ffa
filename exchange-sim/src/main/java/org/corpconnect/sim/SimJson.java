package org.corpconnect.sim;

import jakarta.json.spi.JsonProvider;

/**
 * The simulator's one JSON-P provider. {@code jakarta.json.Json}'s static methods look the provider up anew on every
 * call (a ServiceLoader scan of the class path): that lookup was half of the time a getSchedule answer took.
 */
public final class SimJson {

    public static final JsonProvider JSON = JsonProvider.provider();

    private SimJson() {
    }
}
