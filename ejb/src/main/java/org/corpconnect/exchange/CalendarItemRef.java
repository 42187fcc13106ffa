package org.corpconnect.exchange;

import java.util.Objects;

/**
 * A calendar item in Exchange: its id and the change key of the version the gateway last wrote or found.
 * Both are opaque to the product; keep them as they are. {@code namedAt} is the credential generation of
 * the account's connection that named the item: ids differ between protocols, so a ref named before the
 * account moved to another protocol is carried over before use (gateways ignore it; 0 when unknown).
 */
public record CalendarItemRef(String itemId, String changeKey, long namedAt) {

    public CalendarItemRef {
        Objects.requireNonNull(itemId, "itemId");
        if (itemId.isBlank()) {
            throw new IllegalArgumentException("A calendar item id is not blank.");
        }
    }

    public CalendarItemRef(String itemId, String changeKey) {
        this(itemId, changeKey, 0);
    }

    /** The same item as the connection of this credential generation names it. */
    public CalendarItemRef namedAt(long generation) {
        return new CalendarItemRef(itemId, changeKey, generation);
    }
}
