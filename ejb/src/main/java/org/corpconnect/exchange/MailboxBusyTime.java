package org.corpconnect.exchange;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.WorkingWeek;

/** What one mailbox's part of a free/busy answer says: its busy intervals, or why it has none. */
public sealed interface MailboxBusyTime {

    /** The busy intervals, and the working hours where Exchange sent them (the FreeBusy view does). */
    record Known(List<BusyInterval> intervals, Optional<WorkingWeek> workingWeek) implements MailboxBusyTime {
        public Known {
            intervals = List.copyOf(intervals);
            Objects.requireNonNull(workingWeek);
        }

        public Known(List<BusyInterval> intervals) {
            this(intervals, Optional.empty());
        }
    }

    record Unavailable(MailboxProblem problem, String detail) implements MailboxBusyTime {
        public Unavailable {
            Objects.requireNonNull(problem);
        }
    }
}
