package org.corpconnect.sim.graph.batch;

import static org.corpconnect.sim.SimJson.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.corpconnect.sim.graph.GraphDispatcher;
import org.corpconnect.sim.graph.GraphError;
import org.corpconnect.sim.graph.GraphErrors;
import org.corpconnect.sim.graph.GraphRequest;
import org.corpconnect.sim.graph.GraphResponse;
import org.corpconnect.sim.graph.access.GraphCaller;
import org.corpconnect.sim.requestlog.RequestLog;
import org.corpconnect.sim.requestlog.RequestLogEntry;

/** Runs a $batch: validates its shape, then its requests in dependency order, in parallel where independent. */
public final class JsonBatch {
    public static final String OPERATION = "batch";
    public static final int MAX_REQUESTS = 20;

    private final GraphDispatcher dispatcher;
    private final RequestLog requestLog;
    private final ExecutorService executor;
    private final Clock clock;

    public JsonBatch(GraphDispatcher dispatcher, RequestLog requestLog, ExecutorService executor, Clock clock) {
        this.dispatcher = dispatcher;
        this.requestLog = requestLog;
        this.executor = executor;
        this.clock = clock;
    }

    private record Step(String id, GraphRequest request, List<String> dependsOn) {
    }

    public GraphResponse run(GraphRequest batch, GraphCaller caller, RequestLogEntry.Builder batchLog, String requestId,
                             String clientRequestId) {
        List<Step> steps;
        try {
            if (!"POST".equals(batch.method())) {
                throw GraphError.badRequest("$batch accepts POST only.");
            }
            steps = parse(batch.jsonBody());
        } catch (GraphError e) {
            batchLog.responseCode(e.code());
            return GraphErrors.response(e, clock.instant(), requestId, clientRequestId);
        }
        Map<String, GraphResponse> done = new HashMap<>();
        List<Step> pending = new ArrayList<>(steps);
        while (!pending.isEmpty()) {
            List<Step> ready = pending.stream().filter(s -> done.keySet().containsAll(s.dependsOn())).toList();
            Map<Step, CompletableFuture<GraphResponse>> running = new LinkedHashMap<>();
            for (Step s : ready) {
                boolean failedDependency = s.dependsOn().stream().anyMatch(d -> done.get(d).status() >= 400);
                running.put(s, failedDependency
                        ? CompletableFuture.completedFuture(failedDependency(batchLog, caller, s, clientRequestId))
                        : CompletableFuture.supplyAsync(() -> runOne(s, caller, batchLog), executor));
            }
            running.forEach((s, f) -> done.put(s.id(), f.join()));
            pending.removeAll(ready);
        }
        JsonArrayBuilder responses = JSON.createArrayBuilder();
        for (Step s : steps) {
            GraphResponse r = done.get(s.id());
            JsonObjectBuilder headers = JSON.createObjectBuilder();
            r.headers().forEach(headers::add);
            if (r.hasBody()) {
                headers.add("Content-Type", "application/json; charset=utf-8");
            }
            JsonObjectBuilder o = JSON.createObjectBuilder().add("id", s.id()).add("status", r.status()).add("headers", headers);
            if (r.hasBody()) {
                o.add("body", r.body());
            }
            responses.add(o);
        }
        batchLog.httpStatus(200);
        return GraphResponse.protocol(200, JSON.createObjectBuilder().add("responses", responses).build());
    }

    private GraphResponse runOne(Step s, GraphCaller caller, RequestLogEntry.Builder batchLog) {
        RequestLogEntry.Builder log = innerLog(batchLog, caller, s);
        GraphResponse r = dispatcher.dispatch(s.request(), caller, log, UUID.randomUUID().toString(),
                s.request().header("client-request-id").orElseGet(() -> UUID.randomUUID().toString()));
        requestLog.add(log.build());
        return r;
    }

    private GraphResponse failedDependency(RequestLogEntry.Builder batchLog, GraphCaller caller, Step s, String clientRequestId) {
        RequestLogEntry.Builder log = innerLog(batchLog, caller, s).operation(dispatcher.operation(s.request()).orElse(null))
                .responseCode("FailedDependency").httpStatus(424);
        requestLog.add(log.build());
        return GraphErrors.response(new GraphError(424, "FailedDependency",
                "The request was not run because a request it depends on failed."), clock.instant(),
                UUID.randomUUID().toString(), clientRequestId);
    }

    private RequestLogEntry.Builder innerLog(RequestLogEntry.Builder batchLog, GraphCaller caller, Step s) {
        RequestLogEntry.Builder b = new RequestLogEntry.Builder(clock.instant(), "/v1.0/$batch#" + s.id() + ":" + s.request().path());
        b.authOutcome(RequestLogEntry.AuthOutcome.SUCCESS).authenticatedAs(caller.describe()).application(caller.appId())
                .accessMode(caller.delegated() ? "delegated" : "app-only");
        return b;
    }

    private static List<Step> parse(JsonObject body) {
        if (!(body.get("requests") instanceof JsonArray requests)) {
            throw GraphError.badRequest("Invalid batch payload format: a 'requests' array is required.");
        }
        if (requests.isEmpty()) {
            throw GraphError.badRequest("Invalid batch payload format: the batch holds no request.");
        }
        if (requests.size() > MAX_REQUESTS) {
            throw GraphError.badRequest("The number of requests in a batch exceeds the limit of " + MAX_REQUESTS + ".");
        }
        List<Step> steps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonValue v : requests) {
            if (!(v instanceof JsonObject r) || !(r.get("id") instanceof JsonString id)
                    || !(r.get("method") instanceof JsonString method) || !(r.get("url") instanceof JsonString url)) {
                throw GraphError.badRequest("Invalid batch payload format: every request needs an id, a method and a url.");
            }
            if (!ids.add(id.getString())) {
                throw GraphError.badRequest("Request id '" + id.getString() + "' is used more than once in the batch.");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            if (r.get("headers") instanceof JsonObject h) {
                h.forEach((k, hv) -> headers.put(k, hv instanceof JsonString hs ? hs.getString() : hv.toString()));
            }
            String requestBody = "";
            if (r.containsKey("body") && r.get("body").getValueType() != JsonValue.ValueType.NULL) {
                if (headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))) {
                    throw GraphError.badRequest("Request '" + id.getString() + "' has a body but no Content-Type header.");
                }
                requestBody = r.get("body") instanceof JsonString s ? new String(java.util.Base64.getDecoder().decode(s.getString()),
                        java.nio.charset.StandardCharsets.UTF_8) : r.get("body").toString();
            }
            List<String> dependsOn = new ArrayList<>();
            if (r.get("dependsOn") instanceof JsonArray deps) {
                for (JsonValue d : deps) {
                    String dep = ((JsonString) d).getString();
                    if (!ids.contains(dep) || dep.equals(id.getString())) {
                        throw GraphError.badRequest("Request '" + id.getString() + "' depends on '" + dep
                                + "', which is not an earlier request of the batch.");
                    }
                    dependsOn.add(dep);
                }
            }
            String relative = url.getString().startsWith("/") ? url.getString() : "/" + url.getString();
            if (relative.regionMatches(true, 0, "/v1.0/", 0, 6)) {
                relative = relative.substring(5);
            }
            if (relative.regionMatches(true, 0, "/$batch", 0, 7)) {
                throw GraphError.badRequest("A batch cannot hold another batch.");
            }
            steps.add(new Step(id.getString(), GraphRequest.of(method.getString(), relative, headers, requestBody), dependsOn));
        }
        return steps;
    }
}
