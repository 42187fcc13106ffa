package org.corpconnect.exchange;

import java.util.Objects;
import java.util.Optional;

/**
 * One callback about one watch: which watch, the secret token it was created with (as sent, to be
 * checked by the receiver: anyone can call the URL), and what happened. Never an event's details.
 */
public record WatchNotice(String watchId, Optional<String> secretToken, Kind kind) {

    public enum Kind {
        /** Something in the user's calendar changed: read the user's busy time again. */
        CHANGED,
        /** Exchange could not deliver some changes: read the user's busy time again, whole. */
        RESYNC_NEEDED,
        /** The watch is gone on Exchange's side: create it again. */
        REMOVED,
        /** The watch stops unless renewed now (its authorisation is to be confirmed). */
        RENEWAL_NEEDED
    }

    public WatchNotice {
        Objects.requireNonNull(watchId);
        Objects.requireNonNull(secretToken);
        Objects.requireNonNull(kind);
    }
}
