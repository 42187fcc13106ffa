package org.corpconnect.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.corpconnect.booking.InvalidBooking;

/**
 * Request bodies, read with a size limit and checked field by field, so that every bad input gets a
 * 4xx naming the field instead of a parser's stack trace.
 */
final class JsonBodies {

    static final int MAX_BYTES = 16 * 1024;
    /** The JSON parser's limits (Parsson's defaults), named in the refusal. */
    static final int MAX_DEPTH = 1000;
    static final int MAX_NUMBER_CHARACTERS = 1100;

    private JsonBodies() {
    }

    static JsonObject readObject(InputStream body) {
        String text = readText(body);
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidBooking("body", "must be a JSON object.");
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw new InvalidBooking("body", "is not valid JSON (line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber() + ").");
        } catch (jakarta.json.JsonException e) {
            throw new InvalidBooking("body", "is not valid JSON.");
        } catch (RuntimeException beyondLimits) {
            throw beyondParserLimits(beyondLimits);
        }
    }

    /**
     * The parser's own limits (Parsson: nesting deeper than 1,000 levels, a number of more than 1,100
     * characters) surface as plain runtime exceptions, not as JSON exceptions; they are still the
     * body's fault. The parser's message is not passed on: it is not ours to promise.
     */
    private static InvalidBooking beyondParserLimits(RuntimeException failure) {
        if (failure instanceof UnsupportedOperationException) {
            return new InvalidBooking("body", "has a number of more than " + MAX_NUMBER_CHARACTERS + " characters.");
        }
        return new InvalidBooking("body", "is nested more than " + MAX_DEPTH + " levels deep, or otherwise beyond what the JSON parser reads.");
    }

    private static String readText(InputStream body) {
        try (InputStream in = body) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
                if (bytes.size() > MAX_BYTES) {
                    throw new WebApplicationException(413);
                }
            }
            if (bytes.size() == 0) {
                throw new InvalidBooking("body", "is required: a JSON object.");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidBooking("body", "is not UTF-8 text.");
        } catch (IOException e) {
            throw new InvalidBooking("body", "could not be read.");
        }
    }

    static String string(JsonObject json, String field) {
        return optionalString(json, field).orElseThrow(() -> new InvalidBooking(field, "is required."));
    }

    static Optional<String> optionalString(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidBooking(field, "must be a string.");
        }
        return Optional.of(((JsonString) value).getString());
    }

    static Optional<JsonObject> optionalObject(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidBooking(field, "must be an object.");
        }
        return Optional.of(value.asJsonObject());
    }

    /** An ISO-8601 date-time with its offset: a time without one is ambiguous and refused. */
    static Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidBooking(field, "must be an ISO-8601 date-time with offset, e.g. 2026-12-01T09:30:00+01:00.");
        }
    }
}
