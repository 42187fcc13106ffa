package org.corpconnect.bookingrules;

import org.corpconnect.BusinessException;

/** The user's busy time is not known well enough to book: never read, unreadable, or too old. */
public class CalendarUnknown extends BusinessException {

    public CalendarUnknown(String reason) {
        super(reason);
    }
}
