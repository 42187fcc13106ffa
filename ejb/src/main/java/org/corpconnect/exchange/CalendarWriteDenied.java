package org.corpconnect.exchange;

import java.util.Objects;

/**
 * The dedicated mailbox may not write into this user's calendar through the account's access mode:
 * {@link MailboxProblem#ACCESS_DENIED} (the user's folder permission), {@link MailboxProblem#IMPERSONATION_DENIED}
 * (the impersonation scope) or {@link MailboxProblem#MAILBOX_NOT_FOUND}. The message says what grants it.
 */
public class CalendarWriteDenied extends ExchangeException {

    private final MailboxProblem problem;

    public CalendarWriteDenied(MailboxProblem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem);
    }

    public MailboxProblem problem() {
        return problem;
    }
}
