package org.corpconnect.exchange;

import java.util.Optional;

/**
 * What the dedicated mailbox may do with one user's calendar, through the account's access mode.
 * {@code problem} is set when it cannot even open the calendar.
 */
public record CalendarAccessProbe(boolean canRead, boolean canWrite, Optional<MailboxProblem> problem, String detail) {

    public static CalendarAccessProbe denied(MailboxProblem problem, String detail) {
        return new CalendarAccessProbe(false, false, Optional.of(problem), detail);
    }
}
