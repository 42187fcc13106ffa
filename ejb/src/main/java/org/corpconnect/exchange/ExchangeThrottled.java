package org.corpconnect.exchange;

import java.time.Duration;

/** Exchange asked to slow down (ErrorServerBusy, HTTP 503): wait at least {@link #backOff()}. */
public class ExchangeThrottled extends ExchangeException {

    private final Duration backOff;

    public ExchangeThrottled(String message, Duration backOff) {
        super(message);
        this.backOff = backOff;
    }

    public Duration backOff() {
        return backOff;
    }
}
