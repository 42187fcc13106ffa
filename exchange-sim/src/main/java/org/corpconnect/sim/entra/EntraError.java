package org.corpconnect.sim.entra;

import static org.corpconnect.sim.SimJson.JSON;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An OAuth error as Entra answers it (RFC 6749 section 5.2 plus Entra's fields): the AADSTS code leads the
 * description, which ends with the trace id, correlation id and timestamp, as Microsoft's do.
 */
public final class EntraError extends RuntimeException {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final int httpStatus;
    private final String error;
    private final int aadsts;

    public EntraError(int httpStatus, String error, int aadsts, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.error = error;
        this.aadsts = aadsts;
    }

    public static EntraError invalidRequest(int aadsts, String message) {
        return new EntraError(400, "invalid_request", aadsts, message);
    }

    public static EntraError invalidClient(int aadsts, String message) {
        return new EntraError(401, "invalid_client", aadsts, message);
    }

    public static EntraError invalidGrant(int aadsts, String message) {
        return new EntraError(400, "invalid_grant", aadsts, message);
    }

    public static EntraError invalidScope(int aadsts, String message) {
        return new EntraError(400, "invalid_scope", aadsts, message);
    }

    public static EntraError unauthorizedClient(int aadsts, String message) {
        return new EntraError(400, "unauthorized_client", aadsts, message);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String error() {
        return error;
    }

    public int aadsts() {
        return aadsts;
    }

    /** "AADSTSnnn: message" alone, for pages and redirects. */
    public String description() {
        return "AADSTS" + aadsts + ": " + getMessage();
    }

    public JsonObject toJson(Instant now) {
        String trace = UUID.randomUUID().toString();
        String correlation = UUID.randomUUID().toString();
        String timestamp = STAMP.format(now.truncatedTo(ChronoUnit.SECONDS));
        return JSON.createObjectBuilder()
                .add("error", error)
                .add("error_description", description() + " Trace ID: " + trace + " Correlation ID: " + correlation
                        + " Timestamp: " + timestamp)
                .add("error_codes", JSON.createArrayBuilder().add(aadsts))
                .add("timestamp", timestamp)
                .add("trace_id", trace)
                .add("correlation_id", correlation)
                .add("error_uri", "https://login.microsoftonline.com/error?code=" + aadsts)
                .build();
    }
}
