package org.corpconnect.exchange;

/**
 * One protocol's side of the gateway (EWS, Microsoft Graph). The rest of the product never injects
 * one of these: it injects {@link ExchangeGateway}, which hands each call to the protocol that the
 * account's credential speaks.
 */
public interface ProtocolGateway extends ExchangeGateway {

    /** Whether this protocol is the one that uses this kind of credential. */
    boolean speaks(ExchangeCredential credential);
}
