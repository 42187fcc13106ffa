package org.corpconnect.sim.graph;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Graph answer before it is written: status, headers, JSON body (or none) and what the body declares
 * to be, for the schema check: an entity or complex type, or a {@code value} collection of one.
 */
public record GraphResponse(int status, Map<String, String> headers, JsonObject body, String schemaType,
                            boolean collection) {

    public static GraphResponse entity(int status, JsonObject body, String schemaType) {
        return new GraphResponse(status, new LinkedHashMap<>(), body, schemaType, false);
    }

    public static GraphResponse collection(JsonObject body, String elementType) {
        return new GraphResponse(200, new LinkedHashMap<>(), body, elementType, true);
    }

    public static GraphResponse empty(int status) {
        return new GraphResponse(status, new LinkedHashMap<>(), null, null, false);
    }

    /** A body the CSDL does not describe (OData errors, $batch): checked by its own rules. */
    public static GraphResponse protocol(int status, JsonObject body) {
        return new GraphResponse(status, new LinkedHashMap<>(), body, null, false);
    }

    public GraphResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public boolean hasBody() {
        return body != null && body.getValueType() != JsonValue.ValueType.NULL;
    }
}
