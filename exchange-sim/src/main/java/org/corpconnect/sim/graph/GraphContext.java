package org.corpconnect.sim.graph;

import java.net.URI;
import java.time.Clock;
import java.util.function.Supplier;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.graph.access.CalendarAccessPolicy;

/** What Graph resources share: the directory (the same as EWS's), the access model, the clock, the base URL. */
public record GraphContext(Directory directory, CalendarAccessPolicy policy, Clock clock, Supplier<URI> baseUrl) {
}
