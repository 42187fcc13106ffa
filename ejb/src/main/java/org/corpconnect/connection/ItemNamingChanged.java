package org.corpconnect.connection;

import java.util.Objects;
import org.corpconnect.exchange.ExchangeAccess;

/**
 * Fired (synchronously, outside any transaction) after an account moved between protocols and the
 * new connection took over: items are named otherwise now. {@code previous} and {@code current} are
 * the two ways to Exchange, both tested, so that item refs can be carried over from one to the other;
 * refs not carried over are found again by their booking id when next used.
 */
public record ItemNamingChanged(long accountId, ExchangeAccess previous, ExchangeAccess current) {
    public ItemNamingChanged {
        Objects.requireNonNull(previous);
        Objects.requireNonNull(current);
    }
}
