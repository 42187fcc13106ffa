package org.corpconnect.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.corpconnect.booking.InvalidBooking;

/**
 * Reads a JSON request body into its record (JSON-B), with a size limit and checked member by
 * member first, so that every bad input gets a 400 naming the field instead of the binder's
 * anonymous failure or a parser's stack trace. Whether a member is required, and what its text
 * must look like, the resource decides.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonBodyReader implements MessageBodyReader<Record> {

    static final int MAX_BYTES = 16 * 1024;
    /** The JSON parser's limits (Parsson's defaults), named in the refusal. */
    static final int MAX_DEPTH = 1000;
    static final int MAX_NUMBER_CHARACTERS = 1100;
    /** Thread-safe, and costly to create: one for every body read. */
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) {
        String text = readText(entityStream);
        checkMembers(readObject(text), type, "");
        return JSONB.fromJson(text, type);
    }

    /** The body a resource method was given: JAX-RS passes none for an empty request, past this reader. */
    static <T extends Record> T present(T body) {
        if (body == null) {
            throw new InvalidBooking("body", "is required: a JSON object.");
        }
        return body;
    }

    private static JsonObject readObject(String text) {
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
        } catch (InvalidBooking e) {
            throw e;
        } catch (RuntimeException beyondLimits) {
            throw beyondParserLimits(beyondLimits);
        }
    }

    /**
     * Each member the record has, where present and not null, is of the JSON type its component
     * reads: a string or an object (named with its path, e.g. {@code invitee.email}).
     */
    private static void checkMembers(JsonObject json, Class<?> type, String path) {
        for (RecordComponent component : type.getRecordComponents()) {
            JsonValue value = json.get(component.getName());
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            String field = path + component.getName();
            Class<?> expected = component.getType();
            if (expected == String.class && value.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidBooking(field, "must be a string.");
            }
            if (expected.isRecord()) {
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new InvalidBooking(field, "must be an object.");
                }
                checkMembers(value.asJsonObject(), expected, field + ".");
            }
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
}
