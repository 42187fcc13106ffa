package org.corpconnect.availability;

import org.corpconnect.BusinessException;

/** A slot query the caller got wrong; the message names the field, so it can become a 400. */
public class InvalidSlotQuery extends BusinessException {

    public InvalidSlotQuery(String message) {
        super(message);
    }
}
