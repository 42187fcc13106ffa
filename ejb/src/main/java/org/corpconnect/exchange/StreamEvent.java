package org.corpconnect.exchange;

import java.util.Set;

/** What a {@link CalendarStream} reports: never an event's details, only whose calendar and what to do. */
public sealed interface StreamEvent {

    /** These watches' calendars changed: read those users' busy time again. */
    record Changed(Set<String> watchIds) implements StreamEvent {
        public Changed {
            watchIds = Set.copyOf(watchIds);
        }
    }

    /**
     * Exchange no longer has these watches (expired, forgotten): create them again, and read their
     * users' busy time, since changes after they ended were not reported.
     */
    record Lost(Set<String> watchIds) implements StreamEvent {
        public Lost {
            watchIds = Set.copyOf(watchIds);
        }
    }

    /** Exchange ended the connection as agreed (its time is up): open another; nothing was missed. */
    record Ended() implements StreamEvent {
    }
}
