package org.corpconnect.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The simulator's control API over HTTP, usable from tests inside the server as well as outside.
 * Every method fails the test when the simulator answers with an error.
 */
public final class SimulatorControl {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    private SimulatorControl(URI base) {
        this.base = base;
    }

    public static SimulatorControl ofTestRun() {
        return new SimulatorControl(URI.create("http://localhost:" + TestExchange.PORT + "/control/"));
    }

    public void loadDemo() {
        send("POST", "dataset", Json.createObjectBuilder().add("type", "demo").build());
    }

    public void loadGenerated(int mailboxes) {
        send("POST", "dataset", Json.createObjectBuilder().add("type", "generated").add("mailboxes", mailboxes).build());
    }

    /** A dedicated mailbox of the test's own, so that the request log tells its requests apart. */
    public void addMailbox(String address, String password) {
        send("POST", "mailboxes", Json.createObjectBuilder().add("address", address).add("displayName", address)
                .add("password", password).add("timeZone", "Europe/Berlin").build());
    }

    public void grantImpersonationOfAll(String account) {
        send("PUT", "impersonation/" + enc(account), Json.createObjectBuilder().add("scope", "all").build());
    }

    /** An Entra ID app registration of the simulator's tenant, asking for Calendars.ReadWrite (not consented tenant-wide). */
    public void registerApp(String clientId, String displayName, String secret) {
        send("POST", "entra/applications", Json.createObjectBuilder().add("clientId", clientId).add("displayName", displayName)
                .add("secrets", Json.createArrayBuilder().add(secret))
                .add("applicationPermissions", Json.createArrayBuilder().add("Calendars.ReadWrite")).build());
    }

    public void createGroup(String address, List<String> members) {
        send("POST", "groups", Json.createObjectBuilder().add("address", address)
                .add("members", Json.createArrayBuilder(members)).build());
    }

    /**
     * RBAC for Applications, as an Exchange Online admin sets it up: New-ServicePrincipal, New-ManagementScope
     * on the group's members, New-ManagementRoleAssignment of "Application Calendars.ReadWrite" in that scope.
     */
    public void assignCalendarsReadWriteInScope(String appId, String scope, String group) {
        send("POST", "rbac/service-principals", Json.createObjectBuilder().add("appId", appId).build());
        send("POST", "rbac/scopes", Json.createObjectBuilder().add("name", scope).add("memberOfGroup", group).build());
        send("POST", "rbac/role-assignments", Json.createObjectBuilder().add("name", scope + " RW").add("app", appId)
                .add("role", "Application Calendars.ReadWrite").add("customResourceScope", scope).build());
    }

    public void setPassword(String mailbox, String password) {
        send("PUT", "mailboxes/" + enc(mailbox) + "/password", Json.createObjectBuilder().add("password", password).build());
    }

    public JsonObject mailbox(String address) {
        return (JsonObject) send("GET", "mailboxes/" + enc(address), null);
    }

    public void grantCalendar(String owner, String grantee, String level) {
        send("PUT", "mailboxes/" + enc(owner) + "/permissions/" + enc(grantee),
                Json.createObjectBuilder().add("level", level).build());
    }

    public void revokeCalendar(String owner, String grantee) {
        send("DELETE", "mailboxes/" + enc(owner) + "/permissions/" + enc(grantee), null);
    }

    /** Puts a mailbox into a group, so into an RBAC for Applications scope that filters on it (Add-DistributionGroupMember). */
    public void addToGroup(String group, String member) {
        send("PUT", "groups/" + enc(group) + "/members/" + enc(member), null);
    }

    /** Takes a mailbox out of a group, so out of an RBAC for Applications scope that filters on it. */
    public void removeFromGroup(String group, String member) {
        send("DELETE", "groups/" + enc(group) + "/members/" + enc(member), null);
    }

    /** Adds an item; answers it, with its {@code id}. */
    public JsonObject addEvent(String mailbox, Instant start, Instant end, String freeBusy) {
        return (JsonObject) send("POST", "mailboxes/" + enc(mailbox) + "/events", Json.createObjectBuilder()
                .add("subject", "Added by a test").add("start", start.toString()).add("end", end.toString())
                .add("freeBusy", freeBusy).add("sensitivity", "Normal").build());
    }

    /** Occurrences (series expanded) in the range: start, end, freeBusy, subject... */
    public List<JsonObject> events(String mailbox, Instant start, Instant end) {
        JsonArray events = (JsonArray) send("GET", "mailboxes/" + enc(mailbox) + "/events?start=" + enc(start.toString())
                + "&end=" + enc(end.toString()), null);
        return events.getValuesAs(JsonObject.class);
    }

    /** Moves an item, as its owner would in Outlook. */
    public void moveEvent(String mailbox, String id, Instant start, Instant end) {
        send("PATCH", "mailboxes/" + enc(mailbox) + "/events/" + enc(id), Json.createObjectBuilder()
                .add("start", start.toString()).add("end", end.toString()).build());
    }

    public void deleteEvent(String mailbox, String id) {
        send("DELETE", "mailboxes/" + enc(mailbox) + "/events/" + enc(id), null);
    }

    /** Has Graph send a lifecycle notification of the subscription now ({@code subscriptionRemoved} also removes it). */
    public void sendGraphLifecycle(String subscriptionId, String event) {
        send("POST", "graph-subscriptions/" + enc(subscriptionId) + "/lifecycle",
                Json.createObjectBuilder().add("event", event).build());
    }

    /** EWS streaming: {"connections": open streaming connections, "subscriptions": streaming subscriptions}. */
    public JsonObject ewsStreaming() {
        return (JsonObject) send("GET", "ews-streaming", null);
    }

    /** EWS streaming fault: every open streaming connection ends now. */
    public void cutEwsStreams() {
        send("POST", "ews-streaming/cut", Json.createObjectBuilder().build());
    }

    /** EWS streaming fault: every streaming subscription is forgotten and its connection ends. */
    public void expireEwsSubscriptions() {
        send("POST", "ews-streaming/expire", Json.createObjectBuilder().build());
    }

    /**
     * EWS streaming fault: the next message of every open connection carries a DOCTYPE with an external
     * entity at the URL; how many connections will get it.
     */
    public int doctypeOnNextEwsMessage(String entityUrl) {
        return ((JsonObject) send("POST", "ews-streaming/doctype", Json.createObjectBuilder().add("entityUrl", entityUrl).build()))
                .getInt("affected");
    }

    /** One calendar item, with its extended properties. */
    public JsonObject event(String mailbox, String id) {
        return (JsonObject) send("GET", "mailboxes/" + enc(mailbox) + "/events/" + enc(id), null);
    }

    public void addFault(JsonObject rule) {
        send("POST", "faults", rule);
    }

    /** Turns Basic and NTLM on or off, as an on-premises administrator does in IIS; answers the new state. */
    public JsonObject setAuthentication(boolean basic, boolean ntlm) {
        return (JsonObject) send("PUT", "authentication", Json.createObjectBuilder().add("basic", basic).add("ntlm", ntlm).build());
    }

    public void clearFaults() {
        send("DELETE", "faults", null);
    }

    /** The request log since the instant, of one operation (e.g. {@code GetUserAvailabilityRequest}) or all. */
    public List<JsonObject> requests(String operation, Instant since) {
        String query = "requests?since=" + enc(since.toString()) + (operation == null ? "" : "&operation=" + enc(operation));
        return ((JsonArray) send("GET", query, null)).getValuesAs(JsonObject.class);
    }

    public List<JsonObject> requestsBy(String authenticatedAs, String operation, Instant since) {
        return requests(operation, since).stream()
                .filter(r -> authenticatedAs.equalsIgnoreCase(r.getString("authenticatedAs", "")))
                .toList();
    }

    private JsonStructure send(String method, String path, JsonObject body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TestExchange.CONTROL_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError("Simulator control " + method + " " + path + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            String text = response.body();
            if (text == null || text.isBlank()) {
                return JsonValue.EMPTY_JSON_OBJECT;
            }
            try (var reader = Json.createReader(new StringReader(text))) {
                return reader.read();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Simulator control " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
