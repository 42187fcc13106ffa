package org.corpconnect.sim.graph;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.graph.access.CalendarAccessDecision;
import org.corpconnect.sim.graph.access.CalendarOperation;
import org.corpconnect.sim.graph.access.GraphCaller;
import org.corpconnect.sim.requestlog.RequestLogEntry;

/** What a resource handler gets: the request, its caller, the user of its URL (access checked) and the log. */
public final class GraphCall {
    private final GraphRequest request;
    private final GraphCaller caller;
    private final Mailbox user;
    private final Matcher path;
    private final GraphContext context;
    private final RequestLogEntry.Builder log;

    GraphCall(GraphRequest request, GraphCaller caller, Mailbox user, Matcher path, GraphContext context,
              RequestLogEntry.Builder log) {
        this.request = request;
        this.caller = caller;
        this.user = user;
        this.path = path;
        this.context = context;
        this.log = log;
    }

    public GraphRequest request() {
        return request;
    }

    public GraphCaller caller() {
        return caller;
    }

    /** The mailbox the URL names ({@code /users/{id}} or {@code /me}); the route's access was granted. */
    public Mailbox user() {
        return user;
    }

    public String pathParam(String name) {
        return path.group(name);
    }

    public Directory directory() {
        return context.directory();
    }

    public Clock clock() {
        return context.clock();
    }

    public GraphContext context() {
        return context;
    }

    public RequestLogEntry.Builder log() {
        return log;
    }

    /** The absolute URL of a path below /v1.0, for @odata.nextLink and @odata.deltaLink. */
    public URI link(String pathAndQuery) {
        return URI.create(context.baseUrl().get().toString() + "/v1.0" + pathAndQuery);
    }

    /** The access model's answer for another mailbox (getSchedule asks it per schedule). */
    public CalendarAccessDecision decide(Mailbox target, CalendarOperation operation) {
        log.targetMailbox(target.address().value());
        return context.policy().decide(caller, target, operation);
    }

    /** Allowed, or the access model's Graph error. */
    public CalendarAccessDecision.Allowed allow(Mailbox target, CalendarOperation operation) {
        CalendarAccessDecision d = decide(target, operation);
        if (d instanceof CalendarAccessDecision.Denied denied) {
            throw new GraphError(denied.httpStatus(), denied.code(), denied.message());
        }
        return (CalendarAccessDecision.Allowed) d;
    }

    public TimeZonePreference timeZone() {
        return TimeZonePreference.from(request.header("Prefer"));
    }

    /** {@code Prefer: IdType="ImmutableId"}: ids in the immutable format (outlook-immutable-id.md). */
    public boolean immutableIds() {
        return request.header("Prefer").map(p -> p.replace(" ", "").contains("IdType=\"ImmutableId\"")).orElse(false);
    }

    /** The properties of $select (logged as asked for), empty when all are asked for. */
    public Set<String> select() {
        Optional<String> s = request.option("$select");
        Set<String> out = new LinkedHashSet<>();
        s.ifPresent(v -> Arrays.stream(v.split(",")).map(String::trim).filter(p -> !p.isEmpty()).forEach(out::add));
        out.forEach(log::requestedProperty);
        return out;
    }
}
