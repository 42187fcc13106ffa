package org.corpconnect.exchange;

import java.net.URI;
import java.util.Objects;
import org.corpconnect.calendar.MailboxAddress;

/**
 * Everything one gateway call needs to act as an account's dedicated mailbox. {@code endpoint} is
 * the EWS URL, or Microsoft Graph's base URL for a Graph credential. {@code generation} names the
 * credential it carries: caches keyed by it (tokens) never serve a replaced credential.
 */
public record ExchangeAccess(URI endpoint, MailboxAddress serviceMailbox, AccessMode mode,
                             ExchangeCredential credential, long generation) {

    public ExchangeAccess {
        Objects.requireNonNull(endpoint);
        Objects.requireNonNull(serviceMailbox);
        Objects.requireNonNull(mode);
        Objects.requireNonNull(credential);
    }
}
