package org.corpconnect.exchange;

/**
 * The request was sent but no answer came back (read timeout, connection closed after sending):
 * Exchange may have carried it out. Unlike a plain {@link ExchangeUnreachable} (connection refused,
 * unknown host: the request certainly never arrived), a write must not simply be repeated; look
 * first (for a booking, {@link ExchangeGateway#findBookingItem}) whether it took effect.
 */
public class ExchangeOutcomeUnknown extends ExchangeUnreachable {

    public ExchangeOutcomeUnknown(String message) {
        super(message);
    }
}
