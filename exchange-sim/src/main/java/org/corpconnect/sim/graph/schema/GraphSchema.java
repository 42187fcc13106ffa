package org.corpconnect.sim.graph.schema;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The entity, complex and enum types and the bound actions of the Graph v1.0 CSDL. Type names are kept
 * qualified ({@code microsoft.graph.event}); a schema's alias ({@code graph.}) is resolved while reading.
 */
public final class GraphSchema {
    public static final String NAMESPACE = "microsoft.graph.";

    private final Map<String, StructuredType> structured;
    private final Map<String, EnumType> enums;
    /** Bound actions by "name|binding type": their parameters (the binding parameter left out). */
    private final Map<String, Map<String, Property>> actions;

    private GraphSchema(Map<String, StructuredType> structured, Map<String, EnumType> enums,
                        Map<String, Map<String, Property>> actions) {
        this.structured = structured;
        this.enums = enums;
        this.actions = actions;
    }

    private record Property(String type, boolean nullable) {
    }

    private record StructuredType(String name, String baseType, boolean open, Map<String, Property> properties) {
    }

    private record EnumType(Set<String> members, boolean flags) {
    }

    /** A type or action as read, its type names still spelled as its schema spells them (aliases). */
    private record Declared(String name, String baseType, boolean open, Map<String, Property> members, String namespace,
                            String alias) {
    }

    // Immutable once read: simulators started one after another in a test JVM share it.
    private static final Map<Path, GraphSchema> READ = new java.util.concurrent.ConcurrentHashMap<>();

    /** Reads the CSDL file (the clean v1.0 metadata), once per JVM; fails at start rather than run unchecked. */
    public static GraphSchema read(Path csdl) {
        return READ.computeIfAbsent(csdl.toAbsolutePath().normalize(), GraphSchema::readFile);
    }

    private static GraphSchema readFile(Path csdl) {
        try (InputStream in = Files.newInputStream(csdl)) {
            return parse(in);
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("Cannot read the Graph schema " + csdl, e);
        }
    }

    private static GraphSchema parse(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader r = factory.createXMLStreamReader(in);
        Map<String, StructuredType> structured = new HashMap<>();
        Map<String, EnumType> enums = new HashMap<>();
        Map<String, Map<String, Property>> actions = new HashMap<>();
        String namespace = null;
        String alias = null;
        Map<String, String> aliases = new HashMap<>();
        String currentName = null;
        Map<String, Property> currentProps = null;
        List<String> currentMembers = null;
        String element = null;
        // Types are resolved after reading: aliases of later schemas may be used earlier.
        List<Declared> pendingStructured = new ArrayList<>();
        List<Declared> pendingActions = new ArrayList<>();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String local = r.getLocalName();
                switch (local) {
                    case "Schema" -> {
                        namespace = r.getAttributeValue(null, "Namespace");
                        alias = r.getAttributeValue(null, "Alias");
                        if (alias != null) {
                            aliases.put(alias, namespace);
                        }
                    }
                    case "EntityType", "ComplexType" -> {
                        element = local;
                        currentName = namespace + "." + r.getAttributeValue(null, "Name");
                        currentProps = new LinkedHashMap<>();
                        pendingStructured.add(new Declared(currentName, r.getAttributeValue(null, "BaseType"),
                                "true".equals(r.getAttributeValue(null, "OpenType")), currentProps, namespace, alias));
                    }
                    case "Property", "NavigationProperty" -> {
                        if (currentProps != null && ("EntityType".equals(element) || "ComplexType".equals(element))) {
                            currentProps.put(r.getAttributeValue(null, "Name"), new Property(
                                    r.getAttributeValue(null, "Type"), !"false".equals(r.getAttributeValue(null, "Nullable"))));
                        }
                    }
                    case "EnumType" -> {
                        element = local;
                        currentName = namespace + "." + r.getAttributeValue(null, "Name");
                        currentMembers = new ArrayList<>();
                        enums.put(currentName, new EnumType(Set.of(), "true".equals(r.getAttributeValue(null, "IsFlags"))));
                    }
                    case "Member" -> {
                        if (currentMembers != null) {
                            currentMembers.add(r.getAttributeValue(null, "Name"));
                        }
                    }
                    case "Action" -> {
                        element = local;
                        currentName = r.getAttributeValue(null, "Name");
                        currentProps = new LinkedHashMap<>();
                        pendingActions.add(new Declared(currentName, null, false, currentProps, namespace, alias));
                    }
                    case "Parameter" -> {
                        if ("Action".equals(element) && currentProps != null) {
                            currentProps.put(r.getAttributeValue(null, "Name"), new Property(
                                    r.getAttributeValue(null, "Type"), !"false".equals(r.getAttributeValue(null, "Nullable"))));
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String local = r.getLocalName();
                if (local.equals("EnumType")) {
                    EnumType e = enums.get(currentName);
                    enums.put(currentName, new EnumType(Set.copyOf(currentMembers), e.flags()));
                    currentMembers = null;
                    element = null;
                } else if (local.equals("EntityType") || local.equals("ComplexType") || local.equals("Action")
                        || local.equals("Function")) {
                    currentProps = null;
                    element = null;
                }
            }
        }
        for (Declared d : pendingStructured) {
            structured.put(d.name(), new StructuredType(d.name(),
                    d.baseType() == null ? null : qualify(d.baseType(), d.namespace(), d.alias(), aliases), d.open(),
                    resolve(d.members(), d.namespace(), d.alias(), aliases)));
        }
        for (Declared a : pendingActions) {
            Map<String, Property> params = resolve(a.members(), a.namespace(), a.alias(), aliases);
            if (params.isEmpty()) {
                continue; // an unbound action: Graph's calendar actions are all bound
            }
            // The first parameter of a bound action is the binding parameter: the type it is bound to.
            String binding = params.values().iterator().next().type();
            Map<String, Property> rest = new LinkedHashMap<>(params);
            rest.remove(params.keySet().iterator().next());
            actions.put(a.name() + "|" + binding, rest);
        }
        return new GraphSchema(structured, enums, actions);
    }

    private static Map<String, Property> resolve(Map<String, Property> props, String namespace, String alias,
                                                 Map<String, String> aliases) {
        Map<String, Property> out = new LinkedHashMap<>();
        props.forEach((n, p) -> out.put(n, new Property(qualify(p.type(), namespace, alias, aliases), p.nullable())));
        return out;
    }

    private static String qualify(String type, String namespace, String alias, Map<String, String> aliases) {
        if (type.startsWith("Collection(")) {
            return "Collection(" + qualify(type.substring(11, type.length() - 1), namespace, alias, aliases) + ")";
        }
        int dot = type.indexOf('.');
        if (dot > 0) {
            String prefix = type.substring(0, dot);
            if (prefix.equals(alias)) {
                return namespace + type.substring(dot);
            }
            if (aliases.containsKey(prefix)) {
                return aliases.get(prefix) + type.substring(dot);
            }
        }
        return type;
    }

    public boolean declares(String qualifiedType) {
        return structured.containsKey(qualifiedType) || enums.containsKey(qualifiedType);
    }

    /** Violations of {@code value} as a {@code type} (qualified, or {@code Collection(...)}); empty when valid. */
    public List<String> check(JsonValue value, String type) {
        List<String> out = new ArrayList<>();
        check(value, type, true, "$", out);
        return out;
    }

    /**
     * Violations of an action's request body: its parameters, matched without regard to the case of the
     * first letter (the CSDL declares {@code Schedules}, the wire carries {@code schedules}).
     */
    public List<String> checkActionBody(JsonValue body, String action, String bindingType) {
        Map<String, Property> params = actions.get(action + "|" + bindingType);
        if (params == null) {
            throw new IllegalArgumentException("The Graph schema has no action " + action + " bound to " + bindingType);
        }
        List<String> out = new ArrayList<>();
        if (!(body instanceof JsonObject o)) {
            out.add("$: the body of " + action + " must be a JSON object");
            return out;
        }
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            if (e.getKey().contains("@")) {
                continue;
            }
            Optional<Property> p = params.entrySet().stream().filter(x -> x.getKey().equalsIgnoreCase(e.getKey()))
                    .map(Map.Entry::getValue).findFirst();
            if (p.isEmpty()) {
                out.add("$." + e.getKey() + ": not a parameter of " + action);
            } else {
                check(e.getValue(), p.get().type(), p.get().nullable(), "$." + e.getKey(), out);
            }
        }
        return out;
    }

    private void check(JsonValue value, String type, boolean nullable, String path, List<String> out) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (!nullable) {
                out.add(path + ": null where " + type + " is not nullable");
            }
            return;
        }
        if (type.startsWith("Collection(")) {
            if (!(value instanceof JsonArray array)) {
                out.add(path + ": expected an array of " + type.substring(11, type.length() - 1));
                return;
            }
            String element = type.substring(11, type.length() - 1);
            for (int i = 0; i < array.size(); i++) {
                check(array.get(i), element, false, path + "[" + i + "]", out);
            }
            return;
        }
        if (type.startsWith("Edm.")) {
            checkPrimitive(value, type, path, out);
            return;
        }
        EnumType e = enums.get(type);
        if (e != null) {
            if (!(value instanceof JsonString s)) {
                out.add(path + ": expected a member name of " + type);
                return;
            }
            for (String member : e.flags() ? s.getString().split(",") : new String[] {s.getString()}) {
                if (!e.members().contains(member.trim())) {
                    out.add(path + ": '" + member + "' is not a member of " + type);
                }
            }
            return;
        }
        StructuredType t = structured.get(type);
        if (t == null) {
            out.add(path + ": the schema declares no type " + type);
            return;
        }
        if (!(value instanceof JsonObject object)) {
            out.add(path + ": expected an object of " + type);
            return;
        }
        if (dynamic(t)) {
            return; // an open type that declares nothing (resourceData) holds the resource's own properties and type
        }
        if (object.get("@odata.type") instanceof JsonString declared) {
            String derived = declared.getString().replaceFirst("^#", "");
            Optional<StructuredType> d = structured.keySet().stream().filter(k -> k.equalsIgnoreCase(derived))
                    .findFirst().map(structured::get);
            if (d.isEmpty() || !derivesFrom(d.get(), type)) {
                out.add(path + ": @odata.type " + declared.getString() + " is not " + type + " or derived from it");
                return;
            }
            t = d.get();
        }
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String name = entry.getKey();
            if (name.contains("@")) {
                continue; // instance annotations (@odata.etag, @removed, property@odata.type)
            }
            Optional<Property> p = property(t, name);
            if (p.isEmpty()) {
                out.add(path + "." + name + ": not a property of " + t.name());
            } else {
                check(entry.getValue(), p.get().type(), p.get().nullable(), path + "." + name, out);
            }
        }
    }

    private static boolean dynamic(StructuredType t) {
        return t.open() && t.properties().isEmpty() && t.baseType() == null;
    }

    private boolean derivesFrom(StructuredType t, String ancestor) {
        for (StructuredType c = t; c != null; c = c.baseType() == null ? null : structured.get(c.baseType())) {
            if (c.name().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Property> property(StructuredType t, String name) {
        for (StructuredType c = t; c != null; c = c.baseType() == null ? null : structured.get(c.baseType())) {
            Property p = c.properties().get(name);
            if (p != null) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static void checkPrimitive(JsonValue value, String type, String path, List<String> out) {
        boolean ok = switch (type) {
            case "Edm.String", "Edm.Binary", "Edm.Duration" -> value instanceof JsonString;
            case "Edm.Boolean" -> value == JsonValue.TRUE || value == JsonValue.FALSE;
            case "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte" ->
                    value instanceof JsonNumber n && n.isIntegral();
            case "Edm.Double", "Edm.Single", "Edm.Decimal" -> value instanceof JsonNumber;
            case "Edm.DateTimeOffset" -> value instanceof JsonString s && parses(() -> OffsetDateTime.parse(s.getString()));
            case "Edm.Date" -> value instanceof JsonString s && parses(() -> LocalDate.parse(s.getString()));
            case "Edm.TimeOfDay" -> value instanceof JsonString s && parses(() -> LocalTime.parse(s.getString()));
            case "Edm.Guid" -> value instanceof JsonString s && parses(() -> UUID.fromString(s.getString()));
            default -> true; // Edm.Stream and spatial types: not used by the calendar
        };
        if (!ok) {
            out.add(path + ": " + value + " is not an " + type);
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return false;
        }
    }
}
