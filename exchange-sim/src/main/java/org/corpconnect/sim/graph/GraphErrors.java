package org.corpconnect.sim.graph;

import static org.corpconnect.sim.SimJson.JSON;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Graph's OData error body: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}. */
public final class GraphErrors {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private GraphErrors() {
    }

    public static JsonObject body(String code, String message, Instant now, String requestId, String clientRequestId) {
        return JSON.createObjectBuilder().add("error", JSON.createObjectBuilder()
                .add("code", code).add("message", message)
                .add("innerError", JSON.createObjectBuilder()
                        .add("date", DATE.format(now.truncatedTo(ChronoUnit.SECONDS)))
                        .add("request-id", requestId)
                        .add("client-request-id", clientRequestId))).build();
    }

    public static GraphResponse response(GraphError e, Instant now, String requestId, String clientRequestId) {
        GraphResponse r = GraphResponse.protocol(e.status(), body(e.code(), e.getMessage(), now, requestId, clientRequestId));
        e.headers().forEach(r::header);
        return r;
    }
}
