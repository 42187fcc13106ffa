package org.corpconnect.exchange;

import java.util.List;
import java.util.Objects;

/** What Exchange sent to the product's callback URL, read by the protocol that sends such callbacks. */
public sealed interface WatchCallback {

    /** Exchange checks that the URL is ours before it watches: {@code answer} goes back as text/plain, at once. */
    record Handshake(String answer) implements WatchCallback {
        public Handshake {
            Objects.requireNonNull(answer);
        }
    }

    /** Changes (or the watch's own news) of one or more watches, to be answered at once and handled afterwards. */
    record Notices(List<WatchNotice> notices) implements WatchCallback {
        public Notices {
            notices = List.copyOf(notices);
        }
    }
}
