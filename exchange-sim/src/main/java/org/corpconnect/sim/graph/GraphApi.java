package org.corpconnect.sim.graph;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.faults.FaultRules;
import org.corpconnect.sim.graph.access.CalendarAccessPolicy;
import org.corpconnect.sim.graph.access.CalendarOperation;
import org.corpconnect.sim.graph.access.GraphTokenVerifier;
import org.corpconnect.sim.graph.batch.JsonBatch;
import org.corpconnect.sim.graph.events.CalendarDelta;
import org.corpconnect.sim.graph.events.CalendarView;
import org.corpconnect.sim.graph.events.DefaultCalendar;
import org.corpconnect.sim.graph.events.Events;
import org.corpconnect.sim.graph.ids.TranslateExchangeIds;
import org.corpconnect.sim.graph.schedule.GetSchedule;
import org.corpconnect.sim.graph.schema.GraphSchema;
import org.corpconnect.sim.graph.subscriptions.GraphSubscriptions;
import org.corpconnect.sim.graph.throttling.MailboxThrottle;
import org.corpconnect.sim.requestlog.RequestLog;

/** The Graph side of the simulator, put together: its routes, dispatcher, batch, subscriptions and endpoint. */
public final class GraphApi implements AutoCloseable {
    public static final String SCHEMA_FILE = "v1.0-cleanMetadata.xml";
    private static final String EVENT = "microsoft.graph.event";

    private final GraphEndpoint endpoint;
    private final MailboxThrottle throttle;
    private final GraphSubscriptions subscriptions;
    private final ExecutorService batchWorkers;

    /**
     * @param schemaFile the Graph v1.0 CSDL; present in test mode, where every body is checked against it
     */
    public GraphApi(Directory directory, GraphTokenVerifier verifier, CalendarAccessPolicy policy, FaultRules faults,
                    RequestLog requestLog, Clock clock, Supplier<URI> baseUrl, Optional<Path> schemaFile,
                    Consumer<String> validationFailures) {
        Optional<GraphSchema> schema = schemaFile.map(GraphSchema::read);
        GraphContext context = new GraphContext(directory, policy, clock, baseUrl);
        this.throttle = new MailboxThrottle(clock, 4, 10_000);
        this.subscriptions = new GraphSubscriptions(context, schema, validationFailures, Duration.ofMillis(250));
        CalendarDelta delta = new CalendarDelta();
        CalendarOperation read = CalendarOperation.READ_EVENTS;
        CalendarOperation write = CalendarOperation.WRITE_EVENTS;
        List<GraphRoute> routes = List.of(
                GraphRoute.of("POST", "/{user}/calendar/getSchedule", "getSchedule", CalendarOperation.READ_SCHEDULE,
                        "action:getSchedule|microsoft.graph.calendar", GetSchedule::handle),
                GraphRoute.of("GET", "/{user}/calendar", "getCalendar", read, null, DefaultCalendar::get),
                GraphRoute.of("GET", "/{user}(?:/calendar)?/calendarView", "calendarView", read, null, CalendarView::list),
                GraphRoute.of("GET", "/{user}(?:/calendar)?/calendarView/delta(?:\\(\\))?", "calendarViewDelta", read, null, delta::handle),
                GraphRoute.of("GET", "/{user}(?:/calendar)?/events", "listEvents", read, null, Events::list),
                GraphRoute.of("POST", "/{user}(?:/calendar)?/events", "createEvent", write, EVENT, Events::create),
                GraphRoute.of("GET", "/{user}(?:/calendar)?/events/{event}", "getEvent", read, null, Events::get),
                GraphRoute.of("GET", "/{user}(?:/calendar)?/events/{event}/instances", "listInstances", read, null,
                        CalendarView::instances),
                GraphRoute.of("PATCH", "/{user}(?:/calendar)?/events/{event}", "updateEvent", write, EVENT, Events::update),
                GraphRoute.of("DELETE", "/{user}(?:/calendar)?/events/{event}", "deleteEvent", write, null, Events::delete),
                GraphRoute.of("POST", "/{user}(?:/calendar)?/events/{event}/cancel", "cancelEvent", write,
                        "action:cancel|microsoft.graph.event", Events::cancel),
                GraphRoute.of("POST", "/{user}/translateExchangeIds", "translateExchangeIds", read,
                        "action:translateExchangeIds|microsoft.graph.user", TranslateExchangeIds::handle),
                GraphRoute.of("POST", "/subscriptions", "createSubscription", null, "microsoft.graph.subscription",
                        subscriptions::create),
                GraphRoute.of("GET", "/subscriptions", "listSubscriptions", null, null, subscriptions::list),
                GraphRoute.of("GET", "/subscriptions/{subscription}", "getSubscription", null, null, subscriptions::get),
                GraphRoute.of("PATCH", "/subscriptions/{subscription}", "updateSubscription", null,
                        "microsoft.graph.subscription", subscriptions::renew),
                GraphRoute.of("DELETE", "/subscriptions/{subscription}", "deleteSubscription", null, null, subscriptions::delete));
        GraphDispatcher dispatcher = new GraphDispatcher(routes, context, throttle, faults, schema, validationFailures);
        AtomicInteger threads = new AtomicInteger();
        this.batchWorkers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "graph-batch-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.endpoint = new GraphEndpoint(verifier, dispatcher, new JsonBatch(dispatcher, requestLog, batchWorkers, clock),
                faults, requestLog, clock);
    }

    /** The CSDL under a shared directory (the one holding ews-schema), if it is there. */
    public static Optional<Path> schemaFileUnder(Path sharedDir) {
        Path file = sharedDir.resolve("graph-schema").resolve(SCHEMA_FILE);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public GraphEndpoint endpoint() {
        return endpoint;
    }

    public MailboxThrottle throttle() {
        return throttle;
    }

    public GraphSubscriptions subscriptions() {
        return subscriptions;
    }

    /** A new organisation: no subscriptions, no throttling history. */
    public void reset() {
        subscriptions.clear();
        throttle.reset();
    }

    @Override
    public void close() {
        subscriptions.close();
        batchWorkers.shutdownNow();
    }
}
