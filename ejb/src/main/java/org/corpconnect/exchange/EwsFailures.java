package org.corpconnect.exchange;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import microsoft.exchange.webservices.data.core.exception.http.HttpErrorException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;

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
            if (isNetworkFailure(cause)) {
                return new ExchangeUnreachable("Exchange did not answer (" + cause.getClass().getSimpleName()
                        + "): check the EWS URL, DNS, the firewall and that Exchange is running.");
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
        return new ExchangeFailure("Exchange answered " + code + ".");
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

    private static boolean isNetworkFailure(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException || cause instanceof ConnectTimeoutException
                || cause instanceof NoHttpResponseException || cause instanceof InterruptedIOException
                || cause instanceof SocketException;
    }
}
