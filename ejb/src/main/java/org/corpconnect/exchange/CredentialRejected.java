package org.corpconnect.exchange;

/** Exchange refused the dedicated mailbox's credential (HTTP 401): never retry it, an on-premises directory locks the account out after a few failures. */
public class CredentialRejected extends ExchangeException {

    public CredentialRejected(String message) {
        super(message);
    }
}
