package org.corpconnect.exchange;

import java.util.List;
import java.util.Map;
import org.corpconnect.calendar.MailboxAddress;

/**
 * One protocol's side of the gateway (EWS, Microsoft Graph). The rest of the product never injects
 * one of these: it injects {@link ExchangeGateway}, which hands each call to the protocol that the
 * account's credential speaks.
 */
public interface ProtocolGateway extends ExchangeGateway {

    /** Whether this protocol is the one that uses this kind of credential. */
    boolean speaks(ExchangeCredential credential);

    /**
     * One owner's item refs of another protocol turned into this protocol's ({@code toThis}), or this
     * protocol's into the other's, through {@code access} (this protocol's side of an account's move).
     * Refs it cannot translate are absent; a protocol without a translation answers none.
     */
    default Map<CalendarItemRef, CalendarItemRef> translateItemRefs(ExchangeAccess access, MailboxAddress owner,
            List<CalendarItemRef> refs, boolean toThis) {
        return Map.of();
    }
}
