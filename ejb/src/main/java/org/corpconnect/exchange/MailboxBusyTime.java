package org.corpconnect.exchange;

import java.util.List;
import java.util.Objects;

/** What one mailbox's part of a free/busy answer says: its busy intervals, or why it has none. */
public sealed interface MailboxBusyTime {

    record Known(List<BusyInterval> intervals) implements MailboxBusyTime {
        public Known {
            intervals = List.copyOf(intervals);
        }
    }

    record Unavailable(MailboxProblem problem, String detail) implements MailboxBusyTime {
        public Unavailable {
            Objects.requireNonNull(problem);
        }
    }
}
