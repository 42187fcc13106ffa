package org.corpconnect.sim.graph;

import java.util.Map;

/** A Graph error answer: HTTP status, the OData error code and message (and extra headers such as Retry-After). */
public final class GraphError extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, String> headers;

    public GraphError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public GraphError(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static GraphError badRequest(String message) {
        return new GraphError(400, "BadRequest", message);
    }

    public static GraphError invalidRequest(String message) {
        return new GraphError(400, "ErrorInvalidRequest", message);
    }
}
