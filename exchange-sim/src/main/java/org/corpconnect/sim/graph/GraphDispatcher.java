package org.corpconnect.sim.graph;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.faults.FaultRule;
import org.corpconnect.sim.faults.FaultRules;
import org.corpconnect.sim.graph.access.GraphCaller;
import org.corpconnect.sim.graph.schema.GraphSchema;
import org.corpconnect.sim.graph.throttling.MailboxThrottle;
import org.corpconnect.sim.requestlog.RequestLogEntry;

/**
 * Runs one Graph request through what Exchange Online does before and after the resource: routing,
 * the URL's mailbox, the per-app-and-mailbox throttle, injected faults, the access model and, in test
 * mode, the schema check of the request body and of the answer. Used for top-level requests and for
 * each request of a {@code $batch}.
 */
public final class GraphDispatcher {
    private static final Logger LOG = Logger.getLogger(GraphDispatcher.class.getName());

    private final List<GraphRoute> routes;
    private final GraphContext context;
    private final MailboxThrottle throttle;
    private final FaultRules faults;
    private final Optional<GraphSchema> schema;
    private final Consumer<String> validationFailures;

    public GraphDispatcher(List<GraphRoute> routes, GraphContext context, MailboxThrottle throttle, FaultRules faults,
                           Optional<GraphSchema> schema, Consumer<String> validationFailures) {
        this.routes = List.copyOf(routes);
        this.context = context;
        this.throttle = throttle;
        this.faults = faults;
        this.schema = schema;
        this.validationFailures = validationFailures;
    }

    /** The operation name a request will be logged and fault-matched under; empty when no route matches. */
    public Optional<String> operation(GraphRequest request) {
        return routes.stream().filter(r -> r.match(request.method(), request.path()) != null)
                .map(GraphRoute::operation).findFirst();
    }

    /**
     * What a fault rule's {@code mailbox} matches for this request: the mailbox its URL names (by UPN or
     * object id) and the caller (see {@link #involved(Mailbox, GraphCaller)}).
     */
    public List<String> faultMailboxes(GraphRequest request, GraphCaller caller) {
        for (GraphRoute r : routes) {
            Matcher m = r.match(request.method(), request.path());
            if (m != null && r.access() != null) {
                return involved(resolveUser(m, caller).orElse(null), caller);
            }
        }
        return involved(null, caller);
    }

    /**
     * As on EWS, where a rule matches the authenticated as well as the targeted mailbox: the URL's
     * mailbox, and the caller, {@code app:{appId}} (app-only, as the request log names it) or the
     * signed-in mailbox (delegated). So a rule can take one app's or one dedicated mailbox's Exchange down.
     */
    private static List<String> involved(Mailbox target, GraphCaller caller) {
        List<String> involved = new ArrayList<>(2);
        if (target != null) {
            involved.add(target.address().value());
        }
        involved.add(caller.signedInMailbox().map(MailboxAddress::value).orElse("app:" + caller.appId()));
        return involved;
    }

    public GraphResponse dispatch(GraphRequest request, GraphCaller caller, RequestLogEntry.Builder log,
                                  String requestId, String clientRequestId) {
        GraphResponse response;
        try {
            response = run(request, caller, log);
        } catch (GraphError e) {
            log.responseCode(e.code());
            response = GraphErrors.response(e, context.clock().instant(), requestId, clientRequestId);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Graph request failed inside the simulator", e);
            log.responseCode("generalException");
            response = GraphErrors.response(new GraphError(500, "generalException", "An unexpected error occurred."),
                    context.clock().instant(), requestId, clientRequestId);
        }
        response = checkResponse(response, log, requestId, clientRequestId);
        log.httpStatus(response.status());
        return response;
    }

    private GraphResponse run(GraphRequest request, GraphCaller caller, RequestLogEntry.Builder log) {
        GraphRoute route = null;
        Matcher m = null;
        for (GraphRoute r : routes) {
            m = r.match(request.method(), request.path());
            if (m != null) {
                route = r;
                break;
            }
        }
        if (route == null) {
            throw new GraphError(400, "BadRequest", "Resource not found for the segment '" + lastSegment(request.path()) + "'.");
        }
        log.operation(route.operation());
        Mailbox user = null;
        if (route.access() != null) {
            String named = m.group("me") != null ? "me" : m.group("user");
            user = resolveUser(m, caller).orElseThrow(() -> "me".equals(named)
                    ? GraphError.badRequest("/me request is only valid with delegated authentication flow.")
                    : GraphUsers.invalidUser(named));
            log.targetMailbox(user.address().value());
        }
        List<String> mailboxes = involved(user, caller);
        try (MailboxThrottle.Permit permit = user == null ? () -> { } : throttle.enter(caller.appId(), user.address())) {
            if (faults.fire(FaultRule.Kind.HTTP_503, route.operation(), mailboxes).isPresent()) {
                throw new GraphError(503, "serviceNotAvailable", "The service is temporarily unavailable. Try again later.",
                        java.util.Map.of("Retry-After", "5"));
            }
            Optional<FaultRule> busy = faults.fire(FaultRule.Kind.SERVER_BUSY, route.operation(), mailboxes);
            if (busy.isPresent()) {
                throw MailboxThrottle.throttled("Application is over its MailboxConcurrency limit.",
                        Math.max(1, (busy.get().millis() + 999) / 1000));
            }
            sleep(faults.latencyMillis(route.operation(), mailboxes, 1));
            GraphCall call = new GraphCall(request, caller, user, m, context, log);
            if (user != null) {
                call.allow(user, route.access());
            }
            checkRequestBody(route, request);
            return route.handler().handle(call);
        }
    }

    private Optional<Mailbox> resolveUser(Matcher m, GraphCaller caller) {
        if (m.group("me") != null) {
            return caller.signedInMailbox().flatMap(context.directory()::find);
        }
        return GraphUsers.find(context.directory(), m.group("user"));
    }

    private void checkRequestBody(GraphRoute route, GraphRequest request) {
        if (schema.isEmpty() || route.requestBody() == null || request.body().isBlank()) {
            return;
        }
        JsonObject body = request.jsonBody();
        List<String> violations;
        if (route.requestBody().startsWith("action:")) {
            String[] action = route.requestBody().substring(7).split("\\|");
            violations = schema.get().checkActionBody(body, action[0], action[1]);
        } else {
            violations = schema.get().check(body, route.requestBody());
        }
        if (!violations.isEmpty()) {
            String failure = "Request to " + route.operation() + " is not valid against the Graph schema: " + violations;
            LOG.severe("CLIENT BODY INVALID: " + failure);
            validationFailures.accept(failure);
            throw GraphError.badRequest("Invalid request body: " + violations.get(0));
        }
    }

    /** In test mode an answer the schema does not allow is never sent: it is recorded and becomes a 500. */
    private GraphResponse checkResponse(GraphResponse response, RequestLogEntry.Builder log, String requestId,
                                        String clientRequestId) {
        if (!response.hasBody() || response.schemaType() == null) {
            return response;
        }
        returnedProperties(response).forEach(log::returnedProperty);
        if (schema.isEmpty()) {
            return response;
        }
        List<String> violations = new ArrayList<>();
        if (response.collection()) {
            for (String key : response.body().keySet()) {
                if (!key.equals("value") && !key.startsWith("@odata.")) {
                    violations.add("$." + key + ": not part of a collection answer");
                }
            }
            violations.addAll(schema.get().check(response.body().getOrDefault("value", JsonValue.NULL),
                    "Collection(" + response.schemaType() + ")"));
        } else {
            violations.addAll(schema.get().check(response.body(), response.schemaType()));
        }
        if (violations.isEmpty()) {
            return response;
        }
        String failure = "Response to " + log.operation() + " is not valid against the Graph schema: " + violations;
        LOG.severe("SIMULATOR BUG: " + failure);
        validationFailures.accept(failure);
        return GraphErrors.response(new GraphError(500, "generalException",
                "Simulator test mode: the response failed the Graph schema check: " + violations.get(0)),
                context.clock().instant(), requestId, clientRequestId);
    }

    private static Set<String> returnedProperties(GraphResponse response) {
        Set<String> out = new LinkedHashSet<>();
        if (response.collection() && response.body().get("value") instanceof JsonArray values) {
            values.forEach(v -> {
                if (v instanceof JsonObject o) {
                    o.keySet().stream().filter(k -> !k.contains("@")).forEach(out::add);
                }
            });
        } else {
            response.body().keySet().stream().filter(k -> !k.contains("@")).forEach(out::add);
        }
        return out;
    }

    private static String lastSegment(String path) {
        String[] parts = path.split("/");
        return parts.length == 0 ? path : parts[parts.length - 1];
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
