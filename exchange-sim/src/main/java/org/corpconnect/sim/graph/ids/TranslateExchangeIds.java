package org.corpconnect.sim.graph.ids;

import static org.corpconnect.sim.SimJson.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.function.Function;
import org.corpconnect.sim.graph.GraphCall;
import org.corpconnect.sim.graph.GraphError;
import org.corpconnect.sim.graph.GraphResponse;
import org.corpconnect.sim.items.ItemIds;

/**
 * {@code POST /users/{id}/translateExchangeIds} (user-translateexchangeids.md): {@code inputIds},
 * {@code sourceIdType}, {@code targetIdType} among ewsId, restId and restImmutableEntryId (entryId and
 * immutableEntryId, binary MAPI ids, are not simulated: 400). An id that is malformed or of another
 * mailbox gets {@code errorDetails} in its own result.
 */
public final class TranslateExchangeIds {
    private TranslateExchangeIds() {
    }

    public static GraphResponse handle(GraphCall call) {
        JsonObject body = call.request().jsonBody();
        Function<String, Optional<ItemIds.ItemRef>> parse = parser(text(body, "sourceIdType"));
        Function<ItemIds.ItemRef, String> format = formatter(text(body, "targetIdType"));
        if (!(parameter(body, "inputIds") instanceof JsonArray inputs)) {
            throw GraphError.badRequest("The parameter 'inputIds' is required.");
        }
        if (inputs.size() > 1000) {
            throw GraphError.badRequest("At most 1000 ids can be translated at once.");
        }
        JsonArrayBuilder results = JSON.createArrayBuilder();
        for (JsonValue v : inputs) {
            String source = v instanceof JsonString s ? s.getString() : v.toString();
            Optional<ItemIds.ItemRef> ref = parse.apply(source).filter(r -> r.mailbox().equals(call.user().address()));
            if (ref.isPresent()) {
                results.add(JSON.createObjectBuilder().add("sourceId", source).add("targetId", format.apply(ref.get())));
            } else {
                results.add(JSON.createObjectBuilder().add("sourceId", source).add("errorDetails", JSON.createObjectBuilder()
                        .add("code", "ErrorInvalidIdMalformed").add("message", "Id is malformed.")));
            }
        }
        return GraphResponse.collection(JSON.createObjectBuilder()
                .add("@odata.context", call.link("/$metadata#Collection(microsoft.graph.convertIdResult)").toString())
                .add("value", results).build(), "microsoft.graph.convertIdResult");
    }

    /** Parameters are matched without regard to case: the CSDL (and so the SDKs) spell them InputIds, SourceIdType. */
    private static JsonValue parameter(JsonObject body, String name) {
        return body.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(java.util.Map.Entry::getValue)
                .findFirst().orElse(JsonValue.NULL);
    }

    private static String text(JsonObject body, String name) {
        if (!(parameter(body, name) instanceof JsonString s)) {
            throw GraphError.badRequest("The parameter '" + name + "' is required.");
        }
        return s.getString();
    }

    private static Function<String, Optional<ItemIds.ItemRef>> parser(String type) {
        return switch (type) {
            case "ewsId" -> GraphIds::parseEws;
            case "restId" -> GraphIds::parseRest;
            case "restImmutableEntryId" -> GraphIds::parseImmutable;
            default -> throw unsupported(type);
        };
    }

    private static Function<ItemIds.ItemRef, String> formatter(String type) {
        return switch (type) {
            case "ewsId" -> GraphIds::ewsId;
            case "restId" -> GraphIds::restId;
            case "restImmutableEntryId" -> GraphIds::restImmutableId;
            default -> throw unsupported(type);
        };
    }

    private static GraphError unsupported(String type) {
        return GraphError.badRequest("The id type '" + type + "' is not supported by the simulator (ewsId, restId and "
                + "restImmutableEntryId are).");
    }
}
