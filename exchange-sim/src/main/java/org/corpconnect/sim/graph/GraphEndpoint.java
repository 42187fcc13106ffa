package org.corpconnect.sim.graph;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.corpconnect.sim.faults.FaultRule;
import org.corpconnect.sim.faults.FaultRules;
import org.corpconnect.sim.graph.access.GraphCaller;
import org.corpconnect.sim.graph.access.GraphTokenVerifier;
import org.corpconnect.sim.graph.batch.JsonBatch;
import org.corpconnect.sim.requestlog.RequestLog;
import org.corpconnect.sim.requestlog.RequestLogEntry;

/**
 * {@code /v1.0}: every answer carries {@code request-id} and {@code client-request-id} (the client's, or a
 * new one); a request without a valid bearer token gets 401 {@code InvalidAuthenticationToken}; the
 * connection-level faults (reset, commit then drop) act here, the rest in the dispatcher.
 */
public final class GraphEndpoint implements HttpHandler {
    public static final String PATH = "/v1.0";
    static final String JSON = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    private static final Logger LOG = Logger.getLogger(GraphEndpoint.class.getName());

    private final GraphTokenVerifier verifier;
    private final GraphDispatcher dispatcher;
    private final JsonBatch batch;
    private final FaultRules faults;
    private final RequestLog requestLog;
    private final Clock clock;

    public GraphEndpoint(GraphTokenVerifier verifier, GraphDispatcher dispatcher, JsonBatch batch, FaultRules faults,
                         RequestLog requestLog, Clock clock) {
        this.verifier = verifier;
        this.dispatcher = dispatcher;
        this.batch = batch;
        this.faults = faults;
        this.requestLog = requestLog;
        this.clock = clock;
    }

    public static boolean serves(String lowerCasePath) {
        return lowerCasePath.equals(PATH) || lowerCasePath.startsWith(PATH + "/");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = Optional.ofNullable(exchange.getRequestHeaders().getFirst("client-request-id"))
                .orElseGet(() -> UUID.randomUUID().toString());
        String fullPath = exchange.getRequestURI().getRawPath();
        RequestLogEntry.Builder log = new RequestLogEntry.Builder(clock.instant(), exchange.getRequestURI().getPath());
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
            String raw = fullPath.substring(PATH.length())
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            GraphRequest request = GraphRequest.of(exchange.getRequestMethod(), raw, headers, body);
            Optional<GraphCaller> caller = request.header("Authorization")
                    .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                    .flatMap(h -> verifier.verify(h.substring(7).trim()));
            if (caller.isEmpty()) {
                log.authOutcome(RequestLogEntry.AuthOutcome.INVALID_TOKEN);
                log.responseCode("InvalidAuthenticationToken");
                GraphResponse r = GraphErrors.response(new GraphError(401, "InvalidAuthenticationToken",
                        request.header("Authorization").isEmpty() ? "Access token is empty." : "Access token validation failure."),
                        clock.instant(), requestId, clientRequestId);
                respond(exchange, log, r, requestId, clientRequestId);
                return;
            }
            GraphCaller c = caller.get();
            log.authOutcome(RequestLogEntry.AuthOutcome.SUCCESS).authenticatedAs(c.describe())
                    .application(c.appId()).accessMode(c.delegated() ? "delegated" : "app-only");
            if (request.path().equalsIgnoreCase("/$batch")) {
                log.operation(JsonBatch.OPERATION);
                if (faults.fire(FaultRule.Kind.CONNECTION_RESET, JsonBatch.OPERATION, List.of()).isPresent()) {
                    log.httpStatus(0);
                    return;
                }
                respond(exchange, log, batchFaults(log).map(e -> GraphErrors.response(e, clock.instant(), requestId, clientRequestId))
                        .orElseGet(() -> batch.run(request, c, log, requestId, clientRequestId)), requestId, clientRequestId);
                return;
            }
            String operation = dispatcher.operation(request).orElse(null);
            List<String> mailboxes = dispatcher.faultMailboxes(request, c);
            if (operation != null && faults.fire(FaultRule.Kind.CONNECTION_RESET, operation, mailboxes).isPresent()) {
                log.operation(operation).httpStatus(0);
                return; // closing before any header is sent drops the connection
            }
            GraphResponse response = dispatcher.dispatch(request, c, log, requestId, clientRequestId);
            if (operation != null) {
                Optional<FaultRule> drop = faults.fire(FaultRule.Kind.COMMIT_THEN_DROP, operation, mailboxes);
                if (drop.isPresent()) {
                    sleep(drop.get().millis());
                    log.httpStatus(0);
                    return;
                }
            }
            respond(exchange, log, response, requestId, clientRequestId);
        } catch (GraphError e) {
            log.responseCode(e.code());
            respond(exchange, log, GraphErrors.response(e, clock.instant(), requestId, clientRequestId), requestId, clientRequestId);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Graph request failed inside the simulator", e);
            respond(exchange, log, GraphErrors.response(new GraphError(500, "generalException", "An unexpected error occurred."),
                    clock.instant(), requestId, clientRequestId), requestId, clientRequestId);
        } finally {
            record(log);
            exchange.close();
        }
    }

    /** The fault rules that answer a whole $batch before it runs: 503, or 429 (SERVER_BUSY, its millis as Retry-After). */
    private Optional<GraphError> batchFaults(RequestLogEntry.Builder log) {
        if (faults.fire(FaultRule.Kind.HTTP_503, JsonBatch.OPERATION, List.of()).isPresent()) {
            log.responseCode("serviceNotAvailable");
            return Optional.of(new GraphError(503, "serviceNotAvailable", "The service is temporarily unavailable. Try again later.",
                    Map.of("Retry-After", "5")));
        }
        return faults.fire(FaultRule.Kind.SERVER_BUSY, JsonBatch.OPERATION, List.of()).map(r -> {
            log.responseCode("ApplicationThrottled");
            return new GraphError(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.",
                    Map.of("Retry-After", Long.toString(Math.max(1, (r.millis() + 999) / 1000))));
        });
    }

    private void respond(HttpExchange exchange, RequestLogEntry.Builder log, GraphResponse response, String requestId,
                         String clientRequestId) throws IOException {
        log.httpStatus(response.status());
        record(log);
        exchange.getResponseHeaders().set("request-id", requestId);
        exchange.getResponseHeaders().set("client-request-id", clientRequestId);
        exchange.getResponseHeaders().set("OData-Version", "4.0");
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (!response.hasBody()) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] bytes = response.body().toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void record(RequestLogEntry.Builder log) {
        if (log.markRecorded()) {
            requestLog.add(log.build());
        }
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
