package org.corpconnect.exchange;

/** Exchange answered with an error this product has no more precise name for. */
public class ExchangeFailure extends ExchangeException {

    public ExchangeFailure(String message) {
        super(message);
    }
}
