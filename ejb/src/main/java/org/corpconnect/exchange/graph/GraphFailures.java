package org.corpconnect.exchange.graph;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ExchangeOutcomeUnknown;
import org.corpconnect.exchange.ExchangeThrottled;
import org.corpconnect.exchange.ExchangeUnreachable;
import org.corpconnect.exchange.MailboxProblem;

/**
 * The one place where Graph's answers and transport failures become the gateway's exceptions and
 * {@link MailboxProblem}s. Messages carry Graph's error code and a bounded part of its message, never a token.
 */
public final class GraphFailures {

    /** How long to wait when Graph throttles without saying (it normally sends Retry-After). */
    static final Duration DEFAULT_BACK_OFF = Duration.ofSeconds(30);

    /** Graph's codes for a user that has no mailbox Graph can reach. */
    private static final Set<String> NO_MAILBOX = Set.of("ErrorInvalidUser", "MailboxNotEnabledForRESTAPI",
            "MailboxNotFound", "ResourceNotFound", "ErrorNonExistentMailbox", "ErrorMailRecipientNotFound",
            "Request_ResourceNotFound");

    private GraphFailures() {
    }

    public record ErrorBody(ErrorDetail error) {
    }

    public record ErrorDetail(String code, String message) {
    }

    /** A request that got no answer: sent but unanswered may have been carried out. */
    static ExchangeException transport(ProcessingException failure, String host) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return new ExchangeUnreachable("Microsoft Graph (" + host + ") could not be reached: "
                        + cause.getClass().getSimpleName() + ".");
            }
            // Jersey's java.net.http connector times out with HttpTimeoutException (its connect phase a subclass).
            if (cause instanceof HttpConnectTimeoutException) {
                return new ExchangeUnreachable("Microsoft Graph (" + host + ") could not be reached in time.");
            }
            if (cause instanceof HttpTimeoutException) {
                return new ExchangeOutcomeUnknown("Microsoft Graph (" + host + ") did not answer in time;"
                        + " the request may have been carried out.");
            }
            if (cause instanceof SocketTimeoutException timeout) {
                return String.valueOf(timeout.getMessage()).contains("connect")
                        ? new ExchangeUnreachable("Microsoft Graph (" + host + ") could not be reached in time.")
                        : new ExchangeOutcomeUnknown("Microsoft Graph (" + host + ") did not answer in time;"
                        + " the request may have been carried out.");
            }
        }
        return new ExchangeOutcomeUnknown("The connection to Microsoft Graph (" + host + ") failed before an answer"
                + " came: the request may have been carried out.");
    }

    /** A failed answer as the gateway's exception, for calls where no status has a meaning of its own. */
    static ExchangeException of(GraphAnswer answer, Jsonb json) {
        ErrorDetail error = errorOf(answer, json);
        if (answer.status() == 401) {
            return new CredentialRejected("Microsoft Graph rejected the app's access token (HTTP 401 " + error.code()
                    + "): the app may lack its application permission or the admin's consent, or the token was revoked.");
        }
        if (answer.status() == 429 || answer.status() == 503 || answer.status() == 504) {
            return new ExchangeThrottled("Microsoft Graph asked to slow down (HTTP " + answer.status() + " "
                    + error.code() + ").", answer.retryAfter().flatMap(GraphFailures::seconds).orElse(DEFAULT_BACK_OFF));
        }
        return new ExchangeFailure("Microsoft Graph answered HTTP " + answer.status() + " " + error.code() + ": "
                + error.message());
    }

    /** Graph refused the dedicated mailbox's token (individual mode) after Entra ID had just renewed it. */
    static CredentialRejected renewedTokenRefused(GraphAnswer answer, Jsonb json) {
        return new CredentialRejected("Microsoft Graph refused the dedicated mailbox's access token, a renewed one too"
                + " (HTTP 401 " + errorOf(answer, json).code() + "): its sign-in no longer holds; sign the dedicated"
                + " mailbox in again on the connection page.");
    }

    /**
     * Why the dedicated mailbox cannot reach a user's calendar, if the answer says so: 403 is the app's
     * RBAC scope (central mode) or the user's sharing (individual mode); 404 on the user, no mailbox.
     */
    static Optional<MailboxProblem> mailboxProblem(GraphAnswer answer, AccessMode mode, Jsonb json) {
        if (answer.status() == 403) {
            return Optional.of(mode == AccessMode.IMPERSONATION ? MailboxProblem.IMPERSONATION_DENIED
                    : MailboxProblem.ACCESS_DENIED);
        }
        if (answer.status() == 404 && NO_MAILBOX.contains(errorOf(answer, json).code())) {
            return Optional.of(MailboxProblem.MAILBOX_NOT_FOUND);
        }
        return Optional.empty();
    }

    /**
     * A per-schedule error of getSchedule (freeBusyError.responseCode). App-only, ErrorAccessDenied is the
     * app's RBAC scope leaving the user out, the central grant's problem, as a 403 on the user is.
     */
    static MailboxProblem scheduleProblem(String responseCode, AccessMode mode) {
        if (responseCode == null) {
            return MailboxProblem.OTHER;
        }
        if (NO_MAILBOX.contains(responseCode)) {
            return MailboxProblem.MAILBOX_NOT_FOUND;
        }
        return switch (responseCode) {
            case "ErrorAccessDenied" -> mode == AccessMode.IMPERSONATION ? MailboxProblem.IMPERSONATION_DENIED
                    : MailboxProblem.ACCESS_DENIED;
            case "ErrorNoFreeBusyAccess", "ErrorFreeBusyGenerationFailed" -> MailboxProblem.ACCESS_DENIED;
            default -> MailboxProblem.OTHER;
        };
    }

    static ErrorDetail errorOf(GraphAnswer answer, Jsonb json) {
        try {
            ErrorBody body = answer.body().isBlank() ? null : json.fromJson(answer.body(), ErrorBody.class);
            if (body != null && body.error() != null && body.error().code() != null) {
                return new ErrorDetail(body.error().code(), bounded(body.error().message()));
            }
        } catch (JsonbException notGraphsShape) {
            // An answer that is not Graph's error (a proxy's page): its status says enough.
        }
        return new ErrorDetail("HTTP" + answer.status(), "no Graph error in the answer");
    }

    static Optional<Duration> seconds(String retryAfter) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(retryAfter.strip()))));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }

    private static String bounded(String message) {
        if (message == null) {
            return "";
        }
        String printable = message.replaceAll("\\p{Cntrl}", " ");
        return printable.length() > 300 ? printable.substring(0, 300) + "..." : printable;
    }
}
