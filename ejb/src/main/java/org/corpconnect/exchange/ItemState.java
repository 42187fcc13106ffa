package org.corpconnect.exchange;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a booking's own calendar item is now, as {@link ExchangeGateway#itemStates} reads it: gone
 * (deleted, or cancelled), or its start and end. Nothing else of the item is ever read.
 */
public sealed interface ItemState {

    /** Deleted (ErrorItemNotFound, 404) or cancelled: the item no longer holds its time in the calendar. */
    record Gone() implements ItemState {
    }

    /** Still in the calendar, from {@code start} to {@code end}. */
    record At(Instant start, Instant end) implements ItemState {
        public At {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }
    }

    ItemState GONE = new Gone();
}
