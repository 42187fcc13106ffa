package org.corpconnect.exchange.ews;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamException;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.request.HttpWebRequest;
import org.corpconnect.exchange.CalendarStream;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ExchangeUnreachable;
import org.corpconnect.exchange.StreamEvent;

/**
 * One GetStreamingEvents connection, read by the caller's thread. Closing it closes its
 * ExchangeService, whose connection manager shuts the connection down: a read that waits ends.
 */
final class EwsCalendarStream implements CalendarStream {

    /** Codes by which Exchange says it no longer has (some of) the subscriptions: subscribe them again. */
    private static final Set<String> LOST = Set.of("ErrorSubscriptionNotFound", "ErrorExpiredSubscription",
            "ErrorInvalidSubscription", "ErrorMissedNotificationEvents", "ErrorSubscriptionUnsubscribed");
    private static final Logger LOG = Logger.getLogger(EwsCalendarStream.class.getName());

    private final ExchangeService service;
    private final HttpWebRequest response;
    private final Set<String> subscriptions;
    private StreamedMessages messages;
    private volatile boolean closed;

    EwsCalendarStream(ExchangeService service, HttpWebRequest response, Set<String> subscriptions) {
        this.service = service;
        this.response = response;
        this.subscriptions = Set.copyOf(subscriptions);
    }

    @Override
    public StreamEvent next() {
        try {
            if (messages == null) {
                messages = new StreamedMessages(response.getInputStream());
            }
            while (true) {
                Optional<StreamedMessages.Message> next = messages.next();
                if (next.isEmpty()) {
                    throw new ExchangeUnreachable("The streaming connection ended before Exchange closed it.");
                }
                StreamedMessages.Message message = next.get();
                if (!message.success()) {
                    if (LOST.contains(message.responseCode())) {
                        return new StreamEvent.Lost(message.failedSubscriptions().isEmpty() ? subscriptions
                                : message.failedSubscriptions());
                    }
                    throw new ExchangeFailure("Exchange refused the streaming connection (" + message.responseCode() + ").");
                }
                if (!message.notified().isEmpty()) {
                    return new StreamEvent.Changed(message.notified());
                }
                if (message.connectionStatus().filter("Closed"::equals).isPresent()) {
                    return new StreamEvent.Ended();
                }
                // ConnectionStatus OK: connected, or a heartbeat.
            }
        } catch (XMLStreamException refused) {
            if (closed || refused.getNestedException() instanceof IOException || refused.getCause() instanceof IOException) {
                // The connection went (closed here, or reset) in the middle of a read: a drop, not a refused message.
                throw new ExchangeUnreachable(closed ? "The streaming connection was closed."
                        : "The streaming connection failed: " + refused.getMessage());
            }
            LOG.warning("A streamed message from Exchange was refused and the connection dropped: " + refused.getMessage());
            throw new ExchangeFailure("Exchange sent a streamed message that is refused (a DTD, an entity, or not"
                    + " well-formed XML); nothing in it was used.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof ExchangeFailure || e instanceof ExchangeUnreachable) {
                throw (RuntimeException) e;
            }
            throw new ExchangeUnreachable(closed ? "The streaming connection was closed."
                    : "The streaming connection failed: " + e.getMessage());
        } catch (Exception e) { // ews-java-api's EWSHttpException
            throw new ExchangeUnreachable("The streaming connection failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        service.close();
    }
}
