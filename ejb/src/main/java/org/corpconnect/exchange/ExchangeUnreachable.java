package org.corpconnect.exchange;

/** Exchange could not be reached or did not answer in time. */
public class ExchangeUnreachable extends ExchangeException {

    public ExchangeUnreachable(String message) {
        super(message);
    }
}
