package org.corpconnect.exchange.outbound;

import org.corpconnect.exchange.ExchangeUnreachable;

/**
 * The server may not call this address. It reads exactly like a call that failed ({@link #SENTENCE}),
 * so that an admin cannot tell a refused address from a closed port; the reason is for the
 * operator's log only ({@link #reason()}).
 */
public class OutboundRefused extends ExchangeUnreachable {

    /** What an admin reads about any address the server could not or may not call. */
    public static final String SENTENCE = "The server could not call this address, or may not: check the URL"
            + " (which hosts the server may call is the operator's setting exchange.allowed-hosts).";

    private final String reason;

    public OutboundRefused(String reason) {
        super(SENTENCE);
        this.reason = reason;
    }

    /** Why, in the operator's terms: the host, the address it resolved to and the rule it broke. */
    public String reason() {
        return reason;
    }
}
