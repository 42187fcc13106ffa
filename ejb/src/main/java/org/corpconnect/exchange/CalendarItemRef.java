package org.corpconnect.exchange;

import java.util.Objects;

/**
 * A calendar item in Exchange: its id and the change key of the version the gateway last wrote or found.
 * Both are opaque to the product; keep them as they are.
 */
public record CalendarItemRef(String itemId, String changeKey) {

    public CalendarItemRef {
        Objects.requireNonNull(itemId, "itemId");
        if (itemId.isBlank()) {
            throw new IllegalArgumentException("A calendar item id is not blank.");
        }
    }
}
