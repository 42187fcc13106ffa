package org.corpconnect.sim.control;

import static org.corpconnect.sim.SimJson.JSON;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.calendar.BusyType;
import org.corpconnect.sim.calendar.CalendarItem;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.calendar.Sensitivity;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.dataset.DatasetJson;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.faults.FaultRule;
import org.corpconnect.sim.items.ItemIds;
import org.corpconnect.sim.requestlog.RequestLogEntry;

/**
 * The control API under /control: JSON in and out, {@code Authorization: Bearer <control token>}
 * required (401 otherwise), errors as application/problem+json. Each route maps to one typed
 * accessor of {@link ExchangeSimulator}; the README lists them.
 */
public final class ControlApi implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(ControlApi.class.getName());

    private final ExchangeSimulator sim;
    private final IdentityControl identity;
    private final byte[] token;

    public ControlApi(ExchangeSimulator sim, String token) {
        this.sim = sim;
        this.identity = new IdentityControl(sim);
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    private record Call(String method, List<String> path, Map<String, String> query, JsonObject body) {
        String segment(int i) {
            return path.size() > i ? path.get(i) : "";
        }
    }

    /** A client error: 400, 404 or 409 with a problem title. */
    private static final class Problem extends RuntimeException {
        final int status;

        Problem(int status, String detail) {
            super(detail);
            this.status = status;
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")
                    || !MessageDigest.isEqual(token, auth.substring(7).trim().getBytes(StandardCharsets.UTF_8))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"exchange-sim-control\"");
                send(exchange, 401, problem(401, "A valid control token is required."));
                return;
            }
            JsonValue result;
            int status = 200;
            try {
                Call call = parse(exchange);
                result = route(call);
                if (result == null) {
                    status = 204;
                }
            } catch (Problem p) {
                status = p.status;
                result = problem(p.status, p.getMessage());
            } catch (NoSuchElementException e) {
                status = 404;
                result = problem(404, e.getMessage());
            } catch (IllegalArgumentException | JsonException | ClassCastException | NullPointerException
                     | java.time.DateTimeException e) {
                status = 400;
                result = problem(400, String.valueOf(e.getMessage()));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Control API request failed", e);
                status = 500;
                result = problem(500, "Internal error: " + e);
            }
            send(exchange, status, result);
        }
    }

    private static Call parse(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawPath().substring("/control".length());
        List<String> path = Arrays.stream(raw.split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
        Map<String, String> query = new HashMap<>();
        String q = exchange.getRequestURI().getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        JsonObject body = JsonValue.EMPTY_JSON_OBJECT;
        if (bytes.length > 0) {
            try (JsonReader r = JSON.createReader(new java.io.ByteArrayInputStream(bytes))) {
                JsonStructure s = r.read();
                body = s.asJsonObject();
            }
        }
        return new Call(exchange.getRequestMethod(), path, query, body);
    }

    private JsonValue route(Call c) {
        String resource = c.segment(0);
        String m = c.method();
        return switch (resource) {
            case "health" -> JSON.createObjectBuilder().add("status", "ok").add("mailboxes", sim.directory().size()).build();
            case "dataset" -> {
                requireMethod(m, "POST");
                sim.loadDataset(dataset(c.body()));
                yield JSON.createObjectBuilder().add("mailboxes", sim.directory().size()).build();
            }
            case "mailboxes" -> mailboxes(c);
            case "impersonation" -> impersonation(c);
            case "certificate" -> identity.certificate(m);
            case "entra" -> identity.entra(m, c.path(), c.body());
            case "groups" -> identity.groups(m, c.path(), c.body());
            case "rbac" -> identity.rbac(m, c.path(), c.body(), c.query());
            case "faults" -> faults(c);
            case "graph-throttling" -> graphThrottling(c);
            case "graph-subscriptions" -> graphLifecycle(c);
            case "ews-streaming" -> ewsStreaming(c);
            case "throttling" -> {
                if ("PUT".equals(m)) {
                    sim.throttle().setBudget(c.body().getInt("budget", sim.throttle().budget()));
                    sim.throttle().setBackOffMillis(c.body().getJsonNumber("backOffMillis") == null
                            ? sim.throttle().backOffMillis() : c.body().getJsonNumber("backOffMillis").longValue());
                }
                yield JSON.createObjectBuilder().add("budget", sim.throttle().budget())
                        .add("backOffMillis", sim.throttle().backOffMillis()).build();
            }
            case "authentication" -> {
                if ("PUT".equals(m)) {
                    sim.authenticator().configureSchemes(c.body().getBoolean("basic", sim.authenticator().basicEnabled()),
                            c.body().getBoolean("ntlm", sim.authenticator().ntlmEnabled()));
                }
                yield JSON.createObjectBuilder().add("basic", sim.authenticator().basicEnabled())
                        .add("ntlm", sim.authenticator().ntlmEnabled())
                        .add("netbiosDomain", sim.authenticator().netbiosDomain()).build();
            }
            case "lockout" -> {
                if ("PUT".equals(m)) {
                    sim.authenticator().configureLockout(c.body().getInt("threshold", sim.authenticator().threshold()),
                            Duration.ofMinutes(c.body().getInt("minutes", (int) sim.authenticator().lockoutDuration().toMinutes())));
                }
                yield JSON.createObjectBuilder().add("threshold", sim.authenticator().threshold())
                        .add("minutes", sim.authenticator().lockoutDuration().toMinutes()).build();
            }
            case "requests" -> {
                if ("DELETE".equals(m)) {
                    sim.requestLog().clear();
                    yield null;
                }
                yield requests(c);
            }
            case "validation-failures" -> {
                JsonArrayBuilder a = JSON.createArrayBuilder();
                sim.responseValidationFailures().forEach(a::add);
                yield a.build();
            }
            default -> throw new NoSuchElementException("No control resource /control/" + resource);
        };
    }

    private static Dataset dataset(JsonObject body) {
        String type = body.getString("type", body.containsKey("mailboxes") ? "json" : "demo");
        return switch (type) {
            case "demo" -> Dataset.demo();
            case "generated" -> Dataset.generated(body.getInt("mailboxes"));
            default -> DatasetJson.parse(body);
        };
    }

    private JsonValue mailboxes(Call c) {
        Directory directory = sim.directory();
        String address = c.segment(1);
        String sub = c.segment(2);
        String m = c.method();
        if (address.isEmpty()) {
            if ("POST".equals(m)) {
                Dataset.MailboxSpec spec = DatasetJson.mailbox(c.body());
                if (directory.find(spec.address()).isPresent()) {
                    throw new Problem(409, "Mailbox " + spec.address() + " already exists.");
                }
                new Dataset(directory.domain(), null, List.of(spec), Map.of(), List.of()).applyTo(directory);
                return mailboxJson(directory.get(spec.address()));
            }
            JsonArrayBuilder a = JSON.createArrayBuilder();
            directory.mailboxes().forEach(mb -> a.add(mailboxJson(mb)));
            return a.build();
        }
        Mailbox mailbox = directory.find(address).orElseThrow(() -> new NoSuchElementException("No mailbox " + address));
        switch (sub) {
            case "" -> {
                if ("DELETE".equals(m)) {
                    directory.remove(mailbox.address());
                    return null;
                }
                return mailboxJson(mailbox);
            }
            case "password" -> {
                requireMethod(m, "PUT");
                mailbox.changePassword(c.body().getString("password"));
                // An admin reset, as in the Entra admin centre: the user's refresh tokens die with it.
                sim.entra().revokeSessions(mailbox.address());
                return null;
            }
            case "revoke-sessions" -> {
                requireMethod(m, "POST");
                sim.entra().revokeSessions(mailbox.address());
                return null;
            }
            case "unlock" -> {
                requireMethod(m, "POST");
                sim.authenticator().unlock(mailbox.address());
                return null;
            }
            case "permissions" -> {
                String grantee = c.segment(3);
                if (grantee.isEmpty()) {
                    return permissionsJson(mailbox);
                }
                if ("Default".equalsIgnoreCase(grantee)) {
                    mailbox.setDefaultAccess("DELETE".equals(m) ? CalendarAccess.FREE_BUSY_TIME_ONLY
                            : CalendarAccess.parse(c.body().getString("level")));
                } else if ("DELETE".equals(m)) {
                    mailbox.revoke(MailboxAddress.of(grantee));
                } else {
                    requireMethod(m, "PUT");
                    mailbox.grant(MailboxAddress.of(grantee), CalendarAccess.parse(c.body().getString("level")));
                }
                return permissionsJson(mailbox);
            }
            case "events" -> {
                return events(c, mailbox);
            }
            default -> throw new NoSuchElementException("No control resource " + String.join("/", c.path()));
        }
    }

    private JsonValue events(Call c, Mailbox mailbox) {
        String id = c.segment(3);
        String m = c.method();
        if (id.isEmpty()) {
            if ("POST".equals(m)) {
                CalendarItem item = Dataset.toItem(DatasetJson.event(c.body(), mailbox.timeZone()), mailbox.address());
                applyExtended(item, c.body());
                CalendarItem saved = mailbox.calendar().add(item);
                return itemJson(mailbox, saved);
            }
            Instant start = Instant.parse(c.query().getOrDefault("start", Instant.now().minus(Duration.ofDays(7)).toString()));
            Instant end = Instant.parse(c.query().getOrDefault("end", start.plus(Duration.ofDays(42)).toString()));
            JsonArrayBuilder a = JSON.createArrayBuilder();
            for (Occurrence o : mailbox.calendar().occurrences(start, end)) {
                a.add(occurrenceJson(mailbox, o));
            }
            return a.build();
        }
        if ("DELETE".equals(m)) {
            if (!mailbox.calendar().delete(id)) {
                throw new NoSuchElementException("No event " + id);
            }
            return null;
        }
        if ("PATCH".equals(m) || "PUT".equals(m)) {
            JsonObject b = c.body();
            return itemJson(mailbox, mailbox.calendar().update(id, item -> {
                if (b.containsKey("start")) {
                    item.start(Instant.parse(b.getString("start")));
                }
                if (b.containsKey("end")) {
                    item.end(Instant.parse(b.getString("end")));
                }
                if (b.containsKey("subject")) {
                    item.subject(b.getString("subject"));
                }
                if (b.containsKey("location")) {
                    item.location(b.getString("location"));
                }
                if (b.containsKey("freeBusy")) {
                    item.freeBusy(BusyType.parse(b.getString("freeBusy")));
                }
                if (b.containsKey("sensitivity")) {
                    item.sensitivity(Sensitivity.parse(b.getString("sensitivity")));
                }
                applyExtended(item, b);
            }).orElseThrow(() -> new NoSuchElementException("No event " + id)));
        }
        return itemJson(mailbox, mailbox.calendar().find(id).orElseThrow(() -> new NoSuchElementException("No event " + id)));
    }

    /** {"extendedProperties":[{"propertySetId":"...","name":"...","type":"String","value":"..."}]} */
    private static void applyExtended(CalendarItem item, JsonObject body) {
        if (!body.containsKey("extendedProperties")) {
            return;
        }
        for (JsonValue v : body.getJsonArray("extendedProperties")) {
            JsonObject p = v.asJsonObject();
            Map<String, String> attributes = new HashMap<>();
            if (p.containsKey("propertySetId")) {
                attributes.put("PropertySetId", p.getString("propertySetId"));
            }
            if (p.containsKey("distinguishedPropertySetId")) {
                attributes.put("DistinguishedPropertySetId", p.getString("distinguishedPropertySetId"));
            }
            if (p.containsKey("name")) {
                attributes.put("PropertyName", p.getString("name"));
            }
            if (p.containsKey("tag")) {
                attributes.put("PropertyTag", p.getString("tag"));
            }
            attributes.put("PropertyType", p.getString("type", "String"));
            item.extendedProperty(new org.corpconnect.sim.calendar.ExtendedPropertyKey(attributes), List.of(p.getString("value")));
        }
    }

    private JsonValue impersonation(Call c) {
        String account = c.segment(1);
        if (!account.isEmpty()) {
            if ("DELETE".equals(c.method())) {
                sim.directory().revokeImpersonation(MailboxAddress.of(account));
            } else {
                requireMethod(c.method(), "PUT");
                sim.directory().grantImpersonation(MailboxAddress.of(account),
                        DatasetJson.scope(c.body().getOrDefault("scope", JSON.createValue("all"))));
            }
        }
        JsonObjectBuilder o = JSON.createObjectBuilder();
        sim.directory().impersonationGrants().forEach((a, scope) -> {
            if (scope.allMailboxes()) {
                o.add(a.value(), "all");
            } else {
                JsonArrayBuilder list = JSON.createArrayBuilder();
                scope.mailboxes().stream().sorted().forEach(x -> list.add(x.value()));
                o.add(a.value(), list);
            }
        });
        return o.build();
    }

    /** Graph's per-app-and-mailbox limits: {"concurrency":4,"requestsPer10Minutes":10000}. */
    private JsonValue graphThrottling(Call c) {
        var throttle = sim.graph().throttle();
        if ("PUT".equals(c.method())) {
            throttle.configure(c.body().getInt("concurrency", throttle.concurrency()),
                    c.body().getInt("requestsPer10Minutes", throttle.requestsPerWindow()));
        }
        return JSON.createObjectBuilder().add("concurrency", throttle.concurrency())
                .add("requestsPer10Minutes", throttle.requestsPerWindow()).build();
    }

    /** POST /control/graph-subscriptions/{id}/lifecycle {"event":"reauthorizationRequired|subscriptionRemoved|missed"}. */
    private JsonValue graphLifecycle(Call c) {
        requireMethod(c.method(), "POST");
        if (!"lifecycle".equals(c.segment(2))) {
            throw new NoSuchElementException("No control resource /control/graph-subscriptions/{id}/" + c.segment(2));
        }
        String event = c.body().getString("event");
        if (!java.util.Set.of("reauthorizationRequired", "subscriptionRemoved", "missed").contains(event)) {
            throw new IllegalArgumentException("event must be reauthorizationRequired, subscriptionRemoved or missed");
        }
        if (!sim.graph().subscriptions().sendLifecycle(c.segment(1), event)) {
            throw new NoSuchElementException("No Graph subscription " + c.segment(1));
        }
        return JSON.createObjectBuilder().add("sent", event).build();
    }

    /**
     * GET /control/ews-streaming: open streaming connections and subscriptions. POST .../cut: every
     * open connection ends; POST .../expire: every streaming subscription is forgotten and its
     * connection ends; POST .../doctype {"entityUrl":"..."}: the next message of every open
     * connection carries a DOCTYPE with an external entity at that URL and a billion-laughs chain.
     */
    private JsonValue ewsStreaming(Call c) {
        var n = sim.notifications();
        String action = c.segment(1);
        if (!action.isEmpty()) {
            requireMethod(c.method(), "POST");
        }
        int affected = switch (action) {
            case "" -> -1;
            case "cut" -> n.cutStreams();
            case "expire" -> n.expireStreamingSubscriptions();
            case "doctype" -> n.doctypeOnNextMessage(c.body().getString("entityUrl"));
            default -> throw new NoSuchElementException("No control resource /control/ews-streaming/" + action);
        };
        var state = n.streamingState();
        var out = JSON.createObjectBuilder().add("connections", state.connections()).add("subscriptions", state.subscriptions());
        if (affected >= 0) {
            out.add("affected", affected);
        }
        return out.build();
    }

    private JsonValue faults(Call c) {
        String id = c.segment(1);
        if ("DELETE".equals(c.method())) {
            if (id.isEmpty()) {
                sim.faults().clear();
            } else if (!sim.faults().remove(id)) {
                throw new NoSuchElementException("No fault rule " + id);
            }
            return null;
        }
        if ("POST".equals(c.method())) {
            JsonObject b = c.body();
            FaultRule rule = FaultRule.of(FaultRule.Kind.valueOf(b.getString("kind")))
                    .forOperation(b.getString("operation", null)).forMailbox(b.getString("mailbox", null))
                    .millis(b.getJsonNumber("millis") == null ? 0 : b.getJsonNumber("millis").longValue())
                    .perMailboxMillis(b.getJsonNumber("perMailboxMillis") == null ? 0 : b.getJsonNumber("perMailboxMillis").longValue())
                    .times(b.getInt("times", -1));
            return ruleJson(sim.faults().add(rule));
        }
        JsonArrayBuilder a = JSON.createArrayBuilder();
        sim.faults().rules().forEach(r -> a.add(ruleJson(r)));
        return a.build();
    }

    private JsonValue requests(Call c) {
        Optional<String> operation = Optional.ofNullable(c.query().get("operation"));
        Optional<Instant> since = Optional.ofNullable(c.query().get("since")).map(Instant::parse);
        JsonArrayBuilder a = JSON.createArrayBuilder();
        for (RequestLogEntry e : sim.requestLog().entries(e -> operation.map(o -> o.equals(e.operation())).orElse(true)
                && since.map(s -> !e.time().isBefore(s)).orElse(true))) {
            JsonObjectBuilder o = JSON.createObjectBuilder().add("time", e.time().toString()).add("path", e.path());
            addNullable(o, "operation", e.operation());
            addNullable(o, "authenticatedAs", e.authenticatedAs());
            o.add("authOutcome", e.authOutcome().name());
            addNullable(o, "impersonated", e.impersonated());
            addNullable(o, "anchorMailbox", e.anchorMailbox());
            addNullable(o, "requestServerVersion", e.requestServerVersion());
            o.add("targetMailboxes", JSON.createArrayBuilder(e.targetMailboxes()));
            addNullable(o, "requestedView", e.requestedView());
            o.add("requestedProperties", JSON.createArrayBuilder(e.requestedProperties()));
            o.add("responseCodes", JSON.createArrayBuilder(e.responseCodes()));
            o.add("httpStatus", e.httpStatus());
            addNullable(o, "application", e.application());
            addNullable(o, "accessMode", e.accessMode());
            o.add("returnedProperties", JSON.createArrayBuilder(e.returnedProperties()));
            a.add(o);
        }
        return a.build();
    }

    private static void addNullable(JsonObjectBuilder o, String name, String value) {
        if (value == null) {
            o.addNull(name);
        } else {
            o.add(name, value);
        }
    }

    private JsonObject mailboxJson(Mailbox m) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("address", m.address().value())
                .add("displayName", m.displayName()).add("timeZone", m.timeZone().getId())
                .add("workingHours", JSON.createObjectBuilder()
                        .add("days", JSON.createArrayBuilder(m.workingHours().days().stream().map(Enum::name).toList()))
                        .add("start", m.workingHours().start().toString()).add("end", m.workingHours().end().toString()))
                .add("permissions", permissionsJson(m))
                .add("lockedOut", sim.authenticator().isLockedOut(m.address()))
                .add("events", m.calendar().size());
        sim.directory().serviceMailbox().ifPresent(s -> o.add("serviceMailbox", s.equals(m.address())));
        return o.build();
    }

    private static JsonObject permissionsJson(Mailbox m) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("Default", m.defaultAccess().name());
        m.grants().forEach((grantee, access) -> o.add(grantee.value(), access.name()));
        return o.build();
    }

    private static JsonObject itemJson(Mailbox mailbox, CalendarItem i) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("id", i.id())
                .add("ewsItemId", ItemIds.itemId(mailbox.address(), i.id()))
                .add("graphId", org.corpconnect.sim.graph.ids.GraphIds.restId(new ItemIds.ItemRef(mailbox.address(), i.id(), null)))
                .add("subject", i.subject())
                .add("start", i.start().toString()).add("end", i.end().toString()).add("allDay", i.allDay())
                .add("freeBusy", i.freeBusy().name()).add("sensitivity", i.sensitivity().name())
                .add("recurring", i.isRecurringMaster());
        addNullable(o, "location", i.location());
        JsonArrayBuilder ext = JSON.createArrayBuilder();
        i.extendedProperties().forEach((k, v) -> ext.add(JSON.createObjectBuilder()
                .add("key", JSON.createObjectBuilder(new HashMap<>(k.attributes()))).add("values", JSON.createArrayBuilder(v))));
        o.add("extendedProperties", ext);
        return o.build();
    }

    private static JsonObject occurrenceJson(Mailbox mailbox, Occurrence occurrence) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("id", occurrence.item().id())
                .add("ewsItemId", ItemIds.idOf(mailbox.address(), occurrence))
                .add("graphId", org.corpconnect.sim.graph.ids.GraphIds.restId(mailbox.address(), occurrence))
                .add("kind", occurrence.kind().name()).add("subject", occurrence.subject())
                .add("start", occurrence.start().toString()).add("end", occurrence.end().toString())
                .add("allDay", occurrence.item().allDay()).add("freeBusy", occurrence.freeBusy().name())
                .add("sensitivity", occurrence.item().sensitivity().name());
        addNullable(o, "location", occurrence.location());
        return o.build();
    }

    private static JsonObject ruleJson(FaultRule r) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("id", r.id()).add("kind", r.kind().name());
        addNullable(o, "operation", r.operation());
        addNullable(o, "mailbox", r.mailbox());
        return o.add("millis", r.millis()).add("perMailboxMillis", r.perMailboxMillis()).add("times", r.times()).build();
    }

    private static void requireMethod(String actual, String expected) {
        if (!expected.equals(actual)) {
            throw new Problem(405, "Use " + expected + " here.");
        }
    }

    private static JsonObject problem(int status, String detail) {
        return JSON.createObjectBuilder().add("type", "about:blank").add("title", title(status))
                .add("status", status).add("detail", detail == null ? "" : detail).build();
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            default -> "Internal Server Error";
        };
    }

    private static void send(HttpExchange exchange, int status, JsonValue body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
