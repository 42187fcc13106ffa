package org.corpconnect.exchange;

/**
 * Calendar access through an account's dedicated mailbox, in the product's terms. Implementations
 * translate every failure into the exceptions of this package.
 */
public interface ExchangeGateway {

    /**
     * Proves that Exchange accepts the dedicated mailbox's credential, by reading its own calendar
     * folder: a request that needs no right on any user.
     */
    void verify(ExchangeAccess access);
}
