package org.corpconnect.rest;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.corpconnect.BusinessException;
import org.corpconnect.apikey.ApiKeyNotFound;
import org.corpconnect.availability.InvalidSlotQuery;
import org.corpconnect.booking.BookingInProgress;
import org.corpconnect.booking.BookingNotChangeable;
import org.corpconnect.booking.BookingNotFound;
import org.corpconnect.booking.BookingNotWritten;
import org.corpconnect.booking.HoldLapsed;
import org.corpconnect.booking.IdempotencyKeyReused;
import org.corpconnect.booking.InvalidBooking;
import org.corpconnect.booking.SlotTaken;
import org.corpconnect.booking.UserNotBookable;
import org.corpconnect.bookingrules.CalendarUnknown;
import org.corpconnect.bookingrules.OutsideBookingRules;
import org.corpconnect.calendar.InvalidMailboxAddress;
import org.corpconnect.connection.ConnectionPaused;
import org.corpconnect.connection.NotConnected;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeThrottled;
import org.corpconnect.users.InvalidUser;
import org.corpconnect.users.UserNotFound;
import org.corpconnect.webhook.InvalidWebhookEndpoint;
import org.corpconnect.webhook.WebhookEndpointNotFound;

/**
 * The one place where failures become HTTP answers, all {@code application/problem+json}. The
 * instance URN is logged with the stack trace: 4xx at FINE, 5xx at SEVERE. Nothing internal (class
 * names, SQL, SOAP) reaches the client.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable failure = unwrap(thrown);
        Problem problem = problemFor(failure);
        if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, problem.instance() + ": " + failure.getClass().getName(), failure);
        } else {
            LOG.log(Level.FINE, problem.instance(), failure);
        }
        return problem.toResponse();
    }

    static Problem problemFor(Throwable failure) {
        Optional<Problem> ruleProblem = bookingRuleProblem(failure);
        if (ruleProblem.isPresent()) {
            return ruleProblem.get();
        }
        if (failure instanceof InvalidBooking invalid) {
            return new Problem("invalid-request", "Invalid request", 400, invalid.getMessage())
                    .withFieldErrors(Map.of(invalid.field(), invalid.getMessage()));
        }
        if (failure instanceof InvalidWebhookEndpoint invalid) {
            return new Problem("invalid-request", "Invalid request", 400, invalid.getMessage())
                    .withFieldErrors(Map.of(invalid.field(), invalid.getMessage()));
        }
        if (failure instanceof InvalidUser || failure instanceof InvalidMailboxAddress || failure instanceof InvalidSlotQuery) {
            return new Problem("invalid-request", "Invalid request", 400, failure.getMessage());
        }
        if (failure instanceof UserNotFound || failure instanceof BookingNotFound || failure instanceof ApiKeyNotFound
                || failure instanceof WebhookEndpointNotFound) {
            return new Problem("not-found", "Not found", 404, failure.getMessage());
        }
        if (failure instanceof SlotTaken) {
            return new Problem("slot-taken", "Slot taken", 409, failure.getMessage());
        }
        if (failure instanceof UserNotBookable) {
            return new Problem("user-not-bookable", "User cannot be booked", 409, failure.getMessage());
        }
        if (failure instanceof BookingInProgress) {
            return new Problem("booking-in-progress", "Booking in progress", 409, failure.getMessage())
                    .retryAfter(Duration.ofSeconds(2));
        }
        Optional<Problem> concurrency = concurrencyProblem(failure);
        if (concurrency.isPresent()) {
            return concurrency.get();
        }
        if (failure instanceof IdempotencyKeyReused) {
            return new Problem("idempotency-key-reused", "Idempotency-Key reused", 422, failure.getMessage());
        }
        if (failure instanceof BookingNotWritten notWritten) {
            return new Problem("calendar-not-written", "Calendar not written", 503, failure.getMessage())
                    .retryAfter(notWritten.retryAfter().orElse(Duration.ofSeconds(30)));
        }
        if (failure instanceof ExchangeThrottled throttled) {
            return new Problem("exchange-throttled", "Exchange is throttling", 503, failure.getMessage())
                    .retryAfter(throttled.backOff());
        }
        if (failure instanceof ConnectionPaused || failure instanceof NotConnected || failure instanceof ExchangeException) {
            return new Problem("exchange-unavailable", "Exchange unavailable", 503, failure.getMessage());
        }
        if (failure instanceof BusinessException) {
            return new Problem("invalid-request", "Invalid request", 400, failure.getMessage());
        }
        if (failure instanceof ConstraintViolationException violations) {
            Map<String, String> fields = new TreeMap<>();
            violations.getConstraintViolations().forEach(v -> fields.put(leaf(v.getPropertyPath().toString()), v.getMessage()));
            return new Problem("invalid-request", "Invalid request", 400, "Some fields are not valid.").withFieldErrors(fields);
        }
        if (failure instanceof JsonException || failure instanceof JsonbException || failure instanceof ProcessingException) {
            return new Problem("malformed-json", "Malformed JSON", 400, "The request body is not valid JSON of the expected shape.");
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String reason = web.getResponse().getStatusInfo().getReasonPhrase();
            return new Problem("http-" + status, reason, status, status >= 500 ? null : reason + ".");
        }
        return new Problem("internal-error", "Internal error", 500,
                "Something went wrong on our side; the instance identifies it in our logs.");
    }

    /** A booking outside the rules availability offers by (422 naming the rule), or of a calendar not known well enough. */
    private static Optional<Problem> bookingRuleProblem(Throwable failure) {
        if (failure instanceof OutsideBookingRules outside) {
            return Optional.of(new Problem("outside-booking-rules", "Outside the booking rules", 422, outside.getMessage())
                    .withRule(outside.rule().id()));
        }
        if (failure instanceof CalendarUnknown) {
            return Optional.of(new Problem("calendar-unknown", "Calendar not known well enough to book", 409, failure.getMessage()));
        }
        return Optional.empty();
    }

    /**
     * Races over one booking and contention in the database. A booking whose state does not allow the
     * change is a conflict (409); a lock that timed out or a transaction the database broke off under
     * a burst is transient (503 with Retry-After), never a 500.
     */
    private static Optional<Problem> concurrencyProblem(Throwable failure) {
        if (failure instanceof BookingNotChangeable) {
            return Optional.of(new Problem("booking-not-changeable", "Booking cannot be changed", 409, failure.getMessage()));
        }
        if (failure instanceof HoldLapsed) {
            return Optional.of(new Problem("booking-released", "Booking released", 409, failure.getMessage()));
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            boolean contended = cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
                    || cause instanceof OptimisticLockException || cause instanceof SQLTransientException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("40") || sql.getSQLState().equals("55P03") || sql.getSQLState().equals("HYT00"));
            if (contended) {
                return Optional.of(new Problem("busy", "Busy", 503,
                        "Too many changes of the same data at once; nothing was changed. Try again in a moment.")
                        .retryAfter(Duration.ofSeconds(1)));
            }
        }
        return Optional.empty();
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable failure = thrown;
        while ((failure instanceof EJBException || failure instanceof CompletionException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof EJBException ejb && ejb.getCausedByException() != null) {
            failure = ejb.getCausedByException();
        }
        return failure;
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
