package org.corpconnect.exchange.ews;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.exception.http.HttpErrorException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;
import org.corpconnect.exchange.outbound.CheckedSockets;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CalendarItemNotFound;
import org.corpconnect.exchange.CalendarWriteDenied;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ExchangeOutcomeUnknown;
import org.corpconnect.exchange.ExchangeThrottled;
import org.corpconnect.exchange.ExchangeUnreachable;
import org.corpconnect.exchange.MailboxProblem;
import org.corpconnect.exchange.outbound.OutboundRefused;

/**
 * Translates what ews-java-api throws into the gateway's exceptions, with messages an Exchange
 * admin understands. Messages never quote a SOAP envelope, a header or a credential.
 */
final class EwsFailures {

    /** Exchange's own advice when a 503 or an ErrorServerBusy carries no back-off. */
    static final Duration DEFAULT_BACK_OFF = Duration.ofSeconds(30);

    private EwsFailures() {
    }

    static ExchangeException translate(Throwable failure) {
        if (failure instanceof ExchangeException known) {
            return known;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpErrorException http) {
                return fromHttpStatus(http.getHttpErrorCode());
            }
            if (cause instanceof ServiceResponseException response) {
                return fromResponseCode(response);
            }
            if (cause instanceof CheckedSockets.RefusedConnection refused) {
                return refused.refusal();
            }
            if (neverSent(cause)) {
                // The same words as a refused address: which hosts and ports exist is not the admin's to learn.
                return new ExchangeUnreachable(OutboundRefused.SENTENCE);
            }
            if (isNetworkFailure(cause)) {
                return new ExchangeOutcomeUnknown("Exchange did not answer the request it was sent: it may or may"
                        + " not have carried it out; check the network, the proxy and Exchange's load.");
            }
        }
        return new ExchangeFailure("The EWS request failed (" + failure.getClass().getSimpleName() + ").");
    }

    private static ExchangeException fromHttpStatus(int status) {
        return switch (status) {
            case 401 -> new CredentialRejected("Exchange rejected the dedicated mailbox's credential (HTTP 401):"
                    + " the password was changed or has expired, or the account is locked or disabled.");
            case 503 -> new ExchangeThrottled("Exchange is busy (HTTP 503).", DEFAULT_BACK_OFF);
            case 403 -> new ExchangeFailure("Exchange refused the request (HTTP 403): EWS may be switched off"
                    + " for the dedicated mailbox (Set-CASMailbox -EwsEnabled) or by an access policy.");
            case 404 -> new ExchangeFailure("No EWS endpoint at this URL (HTTP 404): it normally ends in"
                    + " /EWS/Exchange.asmx.");
            default -> new ExchangeFailure("Exchange answered HTTP " + status + ".");
        };
    }

    private static ExchangeException fromResponseCode(ServiceResponseException response) {
        ServiceError code = response.getErrorCode();
        if (code == ServiceError.ErrorServerBusy) {
            return new ExchangeThrottled("Exchange is throttling the dedicated mailbox (ErrorServerBusy).",
                    backOff(response));
        }
        if (code == ServiceError.ErrorExceededSubscriptionCount || code == ServiceError.ErrorExceededConnectionCount) {
            // A limit of the mailbox's throttling policy (EWSMaxSubscriptions, HangingConnectionLimit): no more until some end.
            return new ExchangeThrottled("Exchange allows this mailbox no more " + (code == ServiceError.ErrorExceededSubscriptionCount
                    ? "subscriptions" : "streaming connections") + " (" + codeName(code) + ").", DEFAULT_BACK_OFF);
        }
        if (code == ServiceError.ErrorItemNotFound) {
            return new CalendarItemNotFound("The calendar item is not there (ErrorItemNotFound): the user may have"
                    + " deleted it.");
        }
        return new ExchangeFailure("Exchange answered " + codeName(code) + ".");
    }

    // ---- Errors about one mailbox: they answer for that user only, the request as a whole succeeded.

    /** The codes that speak about one user's mailbox or calendar rather than about the request. */
    private static final Set<ServiceError> ONE_MAILBOX = Set.of(
            ServiceError.ErrorNonExistentMailbox, ServiceError.ErrorMailRecipientNotFound,
            ServiceError.ErrorAccessDenied, ServiceError.ErrorNoFreeBusyAccess,
            ServiceError.ErrorImpersonateUserDenied, ServiceError.ErrorImpersonationDenied,
            ServiceError.ErrorFolderNotFound);

    /**
     * The EWS error that {@code failure} carries if it is about one mailbox (see {@link #ONE_MAILBOX});
     * empty for everything that concerns the whole request (401, throttling, network, other codes).
     */
    static Optional<ServiceResponseException> mailboxError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceResponseException response) {
                return ONE_MAILBOX.contains(response.getErrorCode()) ? Optional.of(response) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The ResponseCode as ews-java-api names it; null for a code it does not know. */
    static ServiceError serviceError(String responseCode) {
        if (responseCode == null) {
            return null;
        }
        try {
            return ServiceError.valueOf(responseCode);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /**
     * Our name for an EWS code that answers for one mailbox: not found, access denied (calendar
     * permissions), impersonation denied (the role's scope); anything else is OTHER.
     */
    static MailboxProblem mailboxProblem(ServiceError code) {
        if (code == null) {
            return MailboxProblem.OTHER;
        }
        return switch (code) {
            case ErrorNonExistentMailbox, ErrorMailRecipientNotFound -> MailboxProblem.MAILBOX_NOT_FOUND;
            case ErrorAccessDenied, ErrorNoFreeBusyAccess -> MailboxProblem.ACCESS_DENIED;
            case ErrorImpersonateUserDenied, ErrorImpersonationDenied -> MailboxProblem.IMPERSONATION_DENIED;
            default -> MailboxProblem.OTHER;
        };
    }

    /**
     * What an Exchange admin should read about one mailbox's error. Our own words and the EWS code;
     * Exchange's message text only for codes we have no words for (it never holds a secret).
     */
    static String mailboxDetail(ServiceError code, String exchangeMessage) {
        String name = codeName(code);
        if (code == null) {
            return "Exchange answered an error ews-java-api does not know" + quoted(exchangeMessage) + ".";
        }
        return switch (code) {
            case ErrorNonExistentMailbox, ErrorMailRecipientNotFound -> "Exchange has no mailbox with this address ("
                    + name + "): check the spelling, or whether the user has left or was renamed.";
            case ErrorNoFreeBusyAccess -> "The user's calendar does not share even free/busy with the dedicated"
                    + " mailbox (" + name + "): its Default permission is None; the user or an admin can grant"
                    + " 'Can view when I'm busy' (FreeBusyTimeOnly) or more.";
            case ErrorAccessDenied -> "The dedicated mailbox has no permission on the user's calendar folder ("
                    + name + "): the user can share the calendar with it, Reviewer to read, Editor to write.";
            case ErrorImpersonateUserDenied, ErrorImpersonationDenied -> "The dedicated mailbox may not impersonate"
                    + " this user (" + name + "): the ApplicationImpersonation role's management scope (Exchange"
                    + " Online: the application access policy) does not include the user.";
            default -> "Exchange answered " + name + quoted(exchangeMessage) + ".";
        };
    }

    private static String codeName(ServiceError code) {
        return code == null ? "an error unknown to ews-java-api" : code.name();
    }

    private static String quoted(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String printable = message.strip().replaceAll("\\p{Cntrl}", " ");
        return ": \"" + (printable.length() > 200 ? printable.substring(0, 200) + "..." : printable) + "\"";
    }

    private static Duration backOff(ServiceResponseException response) {
        var details = response.getResponse() == null ? null : response.getResponse().getErrorDetails();
        String millis = details == null ? null : details.get("BackOffMilliseconds");
        try {
            return millis == null ? DEFAULT_BACK_OFF : Duration.ofMillis(Long.parseLong(millis.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_BACK_OFF;
        }
    }

    // ---- Writing into a user's calendar.

    /**
     * The denial {@code failure} carries when writing into {@code owner}'s calendar through the access
     * mode, if it is one: the folder permission (ErrorAccessDenied), the impersonation scope
     * (ErrorImpersonateUserDenied, only when the owner is the one impersonated) or no such mailbox.
     * In DELEGATION mode only an error of the item itself speaks about the owner: a SOAP fault there is
     * about the request (with an app's token, the impersonated dedicated mailbox) and is translated as such.
     */
    static Optional<CalendarWriteDenied> calendarWriteDenied(Throwable failure, AccessMode mode, MailboxAddress owner) {
        Optional<ServiceResponseException> error = mailboxError(failure);
        if (error.isEmpty() || (mode == AccessMode.DELEGATION && error.get() != failure)) {
            return Optional.empty();
        }
        ServiceError code = error.get().getErrorCode();
        return switch (mailboxProblem(code)) {
            case ACCESS_DENIED -> Optional.of(new CalendarWriteDenied(MailboxProblem.ACCESS_DENIED,
                    "The dedicated mailbox may not write into the calendar of " + owner + " (" + codeName(code) + "): "
                            + (mode == AccessMode.DELEGATION
                            ? "the user must share the calendar with it as Editor (Author may create items but not"
                            + " move or delete them), or add it as a delegate with Editor on the calendar."
                            : "impersonation is granted, but Exchange refused the calendar; check the mailbox's"
                            + " calendar folder and any access policy.")));
            case IMPERSONATION_DENIED -> mode == AccessMode.IMPERSONATION
                    ? Optional.of(new CalendarWriteDenied(MailboxProblem.IMPERSONATION_DENIED,
                    "The dedicated mailbox may not write into the calendar of " + owner + " (" + codeName(code)
                            + "): it may not impersonate this user; the ApplicationImpersonation role's management"
                            + " scope (Exchange Online: the app's application access policy) must include the user."))
                    : Optional.empty();
            case MAILBOX_NOT_FOUND -> Optional.of(new CalendarWriteDenied(MailboxProblem.MAILBOX_NOT_FOUND,
                    "Exchange has no mailbox " + owner + " to write the booking into (" + codeName(code)
                            + "): check the address, or whether the user has left or was renamed."));
            case OTHER -> Optional.empty();
        };
    }

    /** The connection was never made: the request certainly did not reach Exchange. */
    private static boolean neverSent(Throwable cause) {
        // HttpHostConnectException is a ConnectException; ConnectTimeoutException is HttpClient's connect timeout.
        // A failed TLS handshake (an untrusted certificate, a plain-HTTP port) also comes before the request.
        return cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException || cause instanceof ConnectTimeoutException
                || cause instanceof SSLHandshakeException;
    }

    /**
     * No answer after the connection was made: a read timeout, a connection closed before or during the
     * answer, a reset. The request may have been carried out; what is not known to be unsent is counted here.
     */
    private static boolean isNetworkFailure(Throwable cause) {
        return cause instanceof NoHttpResponseException || cause instanceof InterruptedIOException
                || cause instanceof SocketException;
    }
}
