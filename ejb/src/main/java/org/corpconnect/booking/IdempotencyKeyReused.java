package org.corpconnect.booking;

import org.corpconnect.BusinessException;

public class IdempotencyKeyReused extends BusinessException {

    public IdempotencyKeyReused() {
        super("This Idempotency-Key was used for another booking request; use a new key for a new booking.");
    }
}
