package org.corpconnect.sim.graph.subscriptions;

import static org.corpconnect.sim.SimJson.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpconnect.sim.calendar.CalendarFolder;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.graph.GraphCall;
import org.corpconnect.sim.graph.GraphContext;
import org.corpconnect.sim.graph.GraphError;
import org.corpconnect.sim.graph.GraphResponse;
import org.corpconnect.sim.graph.GraphUsers;
import org.corpconnect.sim.graph.access.CalendarAccessDecision;
import org.corpconnect.sim.graph.access.CalendarOperation;
import org.corpconnect.sim.graph.ids.GraphIds;
import org.corpconnect.sim.graph.schema.GraphSchema;

/**
 * The subscriptions resource and the watcher that delivers their notifications: one watcher thread finds
 * the changes, senders deliver them, one delivery at a time per subscription.
 */
public final class GraphSubscriptions implements AutoCloseable {
    public static final Duration MAX_EXPIRY = Duration.ofMinutes(4230);
    static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(10);
    static final Duration NOTIFICATION_TIMEOUT = Duration.ofSeconds(3);
    static final int DELIVERY_ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(GraphSubscriptions.class.getName());
    private static final Pattern RESOURCE = Pattern.compile("^/?(?:users/([^/]+)|(me))(?:/calendar)?/events$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted");

    private final GraphContext context;
    private final Optional<GraphSchema> schema;
    private final Consumer<String> validationFailures;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "graph-subscriptions");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.ExecutorService senders = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "graph-notifications");
        t.setDaemon(true);
        return t;
    });

    public GraphSubscriptions(GraphContext context, Optional<GraphSchema> schema, Consumer<String> validationFailures,
                              Duration pollInterval) {
        this.context = context;
        this.schema = schema;
        this.validationFailures = validationFailures;
        watcher.scheduleWithFixedDelay(this::deliverChanges, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private Clock clock() {
        return context.clock();
    }

    public GraphResponse create(GraphCall call) {
        JsonObject body = call.request().jsonBody();
        String resource = body.getString("resource", "");
        Matcher m = RESOURCE.matcher(resource);
        if (!m.matches()) {
            throw new GraphError(400, "ExtensionError", "The simulator supports subscriptions on /users/{id}/events only; "
                    + "resource '" + resource + "' is not one.");
        }
        Mailbox mailbox = (m.group(2) != null
                ? call.caller().signedInMailbox().flatMap(call.directory()::find)
                : GraphUsers.find(call.directory(), m.group(1)))
                .orElseThrow(() -> GraphUsers.invalidUser(m.group(1) == null ? "me" : m.group(1)));
        call.allow(mailbox, CalendarOperation.READ_EVENTS);
        if (call.caller().delegated() && !call.caller().signedInMailbox().get().equals(mailbox.address())) {
            // Change notifications are not supported on shared or delegated folders (outlook-change-notifications-overview.md).
            throw new GraphError(403, "ExtensionError", "Operation: Create; Exception: [Status Code: Forbidden; Reason: "
                    + "Change notifications are not supported on shared or delegated calendars.]");
        }
        Set<String> changeTypes = changeTypes(body.getString("changeType", ""));
        Instant expiration = expiration(body.getString("expirationDateTime", ""));
        URI notificationUrl = url(body.getString("notificationUrl", ""), "notificationUrl");
        Optional<URI> lifecycleUrl = body.get("lifecycleNotificationUrl") instanceof JsonString s
                ? Optional.of(url(s.getString(), "lifecycleNotificationUrl")) : Optional.empty();
        validate(notificationUrl);
        lifecycleUrl.ifPresent(this::validate);
        Subscription s = new Subscription(UUID.randomUUID().toString(), call.caller(), mailbox.address(), resource,
                changeTypes, notificationUrl, lifecycleUrl, body.getString("clientState", null), expiration,
                mailbox.calendar().sequence());
        subscriptions.put(s.id, s);
        return GraphResponse.entity(201, json(call, s), "microsoft.graph.subscription");
    }

    public GraphResponse get(GraphCall call) {
        return GraphResponse.entity(200, json(call, own(call)), "microsoft.graph.subscription");
    }

    public GraphResponse list(GraphCall call) {
        JsonArrayBuilder value = JSON.createArrayBuilder();
        subscriptions.values().stream().filter(s -> s.caller.appId().equals(call.caller().appId()))
                .forEach(s -> value.add(json(call, s)));
        return GraphResponse.collection(JSON.createObjectBuilder()
                .add("@odata.context", call.link("/$metadata#subscriptions").toString()).add("value", value).build(),
                "microsoft.graph.subscription");
    }

    public GraphResponse renew(GraphCall call) {
        Subscription s = own(call);
        JsonObject body = call.request().jsonBody();
        if (body.get("expirationDateTime") instanceof JsonString v) {
            s.expiration = expiration(v.getString());
        }
        return GraphResponse.entity(200, json(call, s), "microsoft.graph.subscription");
    }

    public GraphResponse delete(GraphCall call) {
        subscriptions.remove(own(call).id);
        return GraphResponse.empty(204);
    }

    /** Sends a lifecycle notification now (for tests and the control API); false when there is no such subscription. */
    public boolean sendLifecycle(String subscriptionId, String lifecycleEvent) {
        Subscription s = subscriptions.get(subscriptionId);
        if (s == null) {
            return false;
        }
        lifecycle(s, lifecycleEvent);
        if ("subscriptionRemoved".equals(lifecycleEvent)) {
            subscriptions.remove(subscriptionId);
        }
        return true;
    }

    public void clear() {
        subscriptions.clear();
    }

    private Subscription own(GraphCall call) {
        Subscription s = subscriptions.get(call.pathParam("subscription"));
        if (s == null || !s.caller.appId().equals(call.caller().appId())) {
            throw new GraphError(404, "ResourceNotFound", "The object was not found.");
        }
        return s;
    }

    private Set<String> changeTypes(String value) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : value.split(",")) {
            String type = t.trim();
            if (!CHANGE_TYPES.contains(type)) {
                throw new GraphError(400, "ExtensionError", "changeType '" + value + "' is not valid: created, updated and/or deleted.");
            }
            out.add(type);
        }
        return out;
    }

    private Instant expiration(String value) {
        Instant expiration;
        try {
            expiration = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new GraphError(400, "ExtensionError", "expirationDateTime is required and must be a date-time.");
        }
        Instant now = clock().instant();
        if (!expiration.isAfter(now)) {
            throw new GraphError(400, "ExtensionError", "Subscription expiration date must be in the future.");
        }
        if (expiration.isAfter(now.plus(MAX_EXPIRY))) {
            throw new GraphError(400, "ExtensionError", "Subscription expiration can only be 4230 minutes in the future.");
        }
        return expiration;
    }

    /**
     * Graph requires HTTPS; the simulator also accepts plain HTTP to a loopback address, where a test's own
     * listener runs (a deviation, stated in the README).
     */
    private static URI url(String value, String name) {
        try {
            URI uri = URI.create(value);
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            boolean loopback = "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    && (uri.getHost().equals("localhost") || uri.getHost().startsWith("127.") || uri.getHost().equals("[::1]"));
            if (https || loopback) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new GraphError(400, "ExtensionError", "Subscription validation request failed. " + name + " must be an HTTPS URL.");
    }

    /** The validation handshake: the token must come back, as text/plain, within 10 seconds. */
    private void validate(URI url) {
        String token = "Validation: Testing client application reachability for subscription Request-Id: " + UUID.randomUUID();
        String query = "validationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        URI target = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + query);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(target).timeout(VALIDATION_TIMEOUT)
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() == 200 && type.toLowerCase(Locale.ROOT).startsWith("text/plain") && token.equals(r.body())) {
                return;
            }
            throw new GraphError(400, "ValidationError", "Subscription validation request failed. Response must exactly match "
                    + "validationToken query parameter (HTTP " + r.statusCode() + ", Content-Type '" + type + "').");
        } catch (java.io.IOException e) {
            throw new GraphError(400, "ValidationError", "Subscription validation request failed. Notification endpoint must "
                    + "respond with 200 OK to validation request within 10 seconds: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphError(400, "ValidationError", "Subscription validation request was interrupted.");
        }
    }

    private JsonObject json(GraphCall call, Subscription s) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("@odata.context", call.link("/$metadata#subscriptions/$entity").toString())
                .add("id", s.id).add("resource", s.resource).add("applicationId", s.caller.appId())
                .add("changeType", String.join(",", s.changeTypes))
                .add("notificationUrl", s.notificationUrl.toString())
                .add("expirationDateTime", s.expiration.toString())
                .add("creatorId", s.caller.signedInMailbox().map(GraphUsers::objectId).orElse(s.caller.appId()))
                .add("includeResourceData", false).add("latestSupportedTlsVersion", "v1_2");
        if (s.clientState == null) {
            b.addNull("clientState");
        } else {
            b.add("clientState", s.clientState);
        }
        s.lifecycleUrl.ifPresentOrElse(u -> b.add("lifecycleNotificationUrl", u.toString()), () -> b.addNull("lifecycleNotificationUrl"));
        return b.build();
    }

    /** The watcher: each subscription's calendar changes since it last looked, delivered in one POST. */
    private void deliverChanges() {
        Instant now = clock().instant();
        for (Subscription s : List.copyOf(subscriptions.values())) {
            try {
                if (!now.isBefore(s.expiration)) {
                    subscriptions.remove(s.id);
                    continue;
                }
                Optional<Mailbox> mailbox = context.directory().find(s.mailbox);
                if (mailbox.isEmpty()) {
                    sendLifecycle(s.id, "subscriptionRemoved");
                    continue;
                }
                CalendarAccessDecision access = context.policy().decide(s.caller, mailbox.get(), CalendarOperation.READ_EVENTS);
                if (access instanceof CalendarAccessDecision.Denied) {
                    if (!s.reauthorizationSent) {
                        s.reauthorizationSent = true;
                        lifecycle(s, "reauthorizationRequired");
                    }
                    continue; // no notifications while the caller may not read the calendar
                }
                s.reauthorizationSent = false;
                if (!s.delivering.compareAndSet(false, true)) {
                    continue; // its previous notifications are still on their way: these follow in a later round
                }
                CalendarFolder folder = mailbox.get().calendar();
                long sequence = folder.sequence();
                List<CalendarFolder.Change> changes = folder.notificationsSince(s.sequence);
                JsonArrayBuilder value = JSON.createArrayBuilder();
                int count = 0;
                for (CalendarFolder.Change c : changes) {
                    String type = switch (c.kind()) {
                        case Create -> "created";
                        case Update -> "updated";
                        case Delete -> "deleted";
                    };
                    if (s.changeTypes.contains(type)) {
                        value.add(notification(s, type, c.itemId()));
                        count++;
                    }
                }
                s.sequence = sequence;
                if (count == 0) {
                    s.delivering.set(false);
                    continue;
                }
                JsonObject body = JSON.createObjectBuilder().add("value", value).build();
                senders.execute(() -> {
                    try {
                        if (!deliver(s.notificationUrl, body)) {
                            lifecycle(s, "missed");
                        }
                    } finally {
                        s.delivering.set(false);
                    }
                });
            } catch (RuntimeException e) {
                s.delivering.set(false); // nothing was handed to a sender
                LOG.warning("Graph notification for subscription " + s.id + " failed: " + e);
            }
        }
    }

    private JsonObject notification(Subscription s, String changeType, String itemId) {
        String userId = GraphUsers.objectId(s.mailbox);
        String eventId = GraphIds.restId(new org.corpconnect.sim.items.ItemIds.ItemRef(s.mailbox, itemId, null));
        String resource = "Users/" + userId + "/Events/" + eventId;
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("subscriptionId", s.id)
                .add("subscriptionExpirationDateTime", s.expiration.toString())
                .add("changeType", changeType)
                .add("resource", resource)
                .add("resourceData", JSON.createObjectBuilder().add("@odata.type", "#Microsoft.Graph.Event")
                        .add("@odata.id", resource).add("id", eventId))
                .add("tenantId", tenantGuid(s.caller.tenantId()));
        if (s.clientState != null) {
            b.add("clientState", s.clientState);
        }
        return b.build();
    }

    private void lifecycle(Subscription s, String event) {
        if (s.lifecycleUrl.isEmpty()) {
            return;
        }
        JsonObjectBuilder n = JSON.createObjectBuilder().add("subscriptionId", s.id)
                .add("subscriptionExpirationDateTime", s.expiration.toString())
                .add("tenantId", tenantGuid(s.caller.tenantId())).add("lifecycleEvent", event);
        if (s.clientState != null) {
            n.add("clientState", s.clientState);
        }
        deliver(s.lifecycleUrl.get(), JSON.createObjectBuilder().add("value", JSON.createArrayBuilder().add(n)).build());
    }

    /** POSTs a notification collection; true on a 2xx within 3 seconds, retried a few times otherwise. */
    private boolean deliver(URI url, JsonObject body) {
        if (schema.isPresent()) {
            List<String> violations = schema.get().check(body, "microsoft.graph.changeNotificationCollection");
            if (!violations.isEmpty()) {
                String failure = "Notification to " + url + " is not valid against the Graph schema: " + violations;
                LOG.severe("SIMULATOR BUG: " + failure);
                validationFailures.accept(failure);
                return false;
            }
        }
        List<String> errors = new ArrayList<>();
        for (int attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url).timeout(NOTIFICATION_TIMEOUT)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    return true;
                }
                errors.add("HTTP " + r.statusCode());
            } catch (java.io.IOException e) {
                errors.add(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        LOG.info("Graph notifications to " + url + " not delivered: " + errors);
        return false;
    }

    /** Graph's tenantId is a GUID; the simulated tenant is named, so its GUID is derived from the name. */
    static String tenantGuid(String tenant) {
        try {
            return UUID.fromString(tenant).toString();
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(("tenant:" + tenant.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        senders.shutdownNow();
    }
}
