package org.corpconnect.exchange;

import org.corpconnect.BusinessException;

/** Base of every failure the gateway reports, whatever the protocol behind it. */
public abstract class ExchangeException extends BusinessException {

    protected ExchangeException(String message) {
        super(message);
    }
}
