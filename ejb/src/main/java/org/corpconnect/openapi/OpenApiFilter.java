package org.corpconnect.openapi;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Puts right what Payara's generator writes into the OpenAPI document from the annotations (this
 * filter is named in the application's {@code META-INF/microprofile-config.properties}): it copies
 * every unset {@code @Schema} member as its default ({@code maxProperties: 0} allows an object no
 * member at all, {@code minLength: 0}, {@code nullable: false}, ...), it writes the examples, given
 * as JSON text, as strings, and it adds a top-level {@code endpoints} member, which OpenAPI 3 does
 * not allow (only {@code x-} extensions).
 */
public class OpenApiFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(OpenApiFilter.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    /**
     * Empties Payara's {@code endpoints} (the context roots of its applications and their paths):
     * its writer leaves an empty map out. Reflection, because only Payara's own model class has it;
     * on another server there is nothing to empty.
     */
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        try {
            Method endpoints = openAPI.getClass().getMethod("getEndpoints");
            if (endpoints.invoke(openAPI) instanceof Map<?, ?> map) {
                map.clear();
            }
        } catch (NoSuchMethodException notPayara) {
            // Nothing of the kind to remove.
        } catch (ReflectiveOperationException | UnsupportedOperationException e) {
            LOG.log(Level.WARNING, "Could not leave Payara's endpoints member out of the OpenAPI document", e);
        }
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        if (schema.getExample() instanceof String text && schema.getType() != null && schema.getType() != Schema.SchemaType.STRING) {
            schema.setExample(json(text));
        }
        return schema;
    }

    @Override
    public APIResponse filterAPIResponse(APIResponse response) {
        examplesAsJson(response.getContent());
        return response;
    }

    @Override
    public RequestBody filterRequestBody(RequestBody body) {
        examplesAsJson(body.getContent());
        return body;
    }

    private static void examplesAsJson(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().values().forEach(media -> {
            Map<String, Example> examples = media.getExamples();
            if (examples != null) {
                examples.values().stream().filter(e -> e.getValue() instanceof String).forEach(e -> e.setValue(json((String) e.getValue())));
            }
        });
    }

    /** The JSON value the text is (an object, an array, a number, a boolean), or the text itself if it is none. */
    private static Object json(String text) {
        try {
            return JSONB.fromJson(text, Object.class);
        } catch (JsonbException notJson) {
            return text;
        }
    }
}
