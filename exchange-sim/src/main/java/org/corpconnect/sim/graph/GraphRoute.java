package org.corpconnect.sim.graph;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpconnect.sim.graph.access.CalendarOperation;

/**
 * One Graph operation: method and path below /v1.0 (segments matched case-insensitively, as Graph does;
 * {@code {user}} is a user id, UPN or {@code me}), its name in the request log and fault rules, the
 * access it needs on the URL's mailbox, the schema of its request body and its handler.
 *
 * @param requestBody a qualified entity type, {@code action:name|binding type}, or null for no body
 */
public record GraphRoute(String method, Pattern pattern, String operation, CalendarOperation access, String requestBody,
                         Handler handler) {

    /** Answers one request whose route matched. */
    @FunctionalInterface
    public interface Handler {
        GraphResponse handle(GraphCall call);
    }

    public static GraphRoute of(String method, String template, String operation, CalendarOperation access,
                                String requestBody, Handler handler) {
        String regex = template
                .replace("$", "\\$")
                .replace("{user}", "(?:users/(?<user>[^/]+)|(?<me>me))")
                .replaceAll("\\{(\\w+)}", "(?<$1>[^/]+)");
        return new GraphRoute(method, Pattern.compile("^" + regex + "/?$", Pattern.CASE_INSENSITIVE), operation, access,
                requestBody, handler);
    }

    Matcher match(String method, String path) {
        Matcher m = pattern.matcher(path);
        return this.method.equals(method) && m.matches() ? m : null;
    }
}
