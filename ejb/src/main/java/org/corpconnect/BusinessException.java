package org.corpconnect;

import jakarta.ejb.ApplicationException;

/**
 * Base of every business failure: unchecked, carried to the caller as it is (the container neither
 * wraps it in an EJBException nor commits the transaction it broke off).
 */
@ApplicationException(rollback = true)
public abstract class BusinessException extends RuntimeException {

    protected BusinessException(String message) {
        super(message);
    }
}
