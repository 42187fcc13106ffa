package org.corpconnect.sim.graph;

import static org.corpconnect.sim.SimJson.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Graph request, top-level or inside a {@code $batch}: method, path below {@code /v1.0}, decoded
 * query options, headers (lower-case names) and body.
 */
public record GraphRequest(String method, String path, String rawQuery, Map<String, String> query,
                           Map<String, String> headers, String body) {

    public static GraphRequest of(String method, String pathAndQuery, Map<String, String> headers, String body) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String raw = q < 0 ? "" : pathAndQuery.substring(q + 1);
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return new GraphRequest(method.toUpperCase(Locale.ROOT), decode(path), raw, parseQuery(raw), Map.copyOf(lower),
                body == null ? "" : body);
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            // OData system query options may be written with or without the $ and in any case.
            out.put(name.toLowerCase(Locale.ROOT), value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GraphError.badRequest("The request URI is not valid: " + e.getMessage());
        }
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** A query option by its name, e.g. "$select" (also found without the $). */
    public Optional<String> option(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(query.containsKey(key) ? query.get(key) : query.get(key.replace("$", "")));
    }

    /** The body as a JSON object; Graph's 400 for anything else. */
    public JsonObject jsonBody() {
        if (body.isBlank()) {
            throw GraphError.badRequest("Empty Payload, JSON content expected");
        }
        try {
            JsonValue v = JSON.createReader(new StringReader(body)).readValue();
            if (v instanceof JsonObject o) {
                return o;
            }
        } catch (JsonParsingException e) {
            throw new GraphError(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header "
                    + "is set and payload is of valid JSON format.");
        }
        throw GraphError.badRequest("A JSON object was expected as the request body.");
    }
}
