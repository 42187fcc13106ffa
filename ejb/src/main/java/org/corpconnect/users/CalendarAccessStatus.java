package org.corpconnect.users;

/** What the dedicated mailbox can do with a user's calendar, as last checked. */
public enum CalendarAccessStatus {
    /** Not checked yet. */
    UNCHECKED,
    /** Free/busy readable and items writable: bookings can be written. */
    OK,
    /** Free/busy readable, but no item can be written: no booking can be written into this calendar. */
    READ_ONLY,
    /** Neither readable nor writable through the account's access mode. */
    NO_ACCESS,
    /** The account uses impersonation and the Exchange admin has not granted it for this user. */
    IMPERSONATION_DENIED,
    /** Exchange knows no such mailbox. */
    MAILBOX_NOT_FOUND,
    /** The check itself failed for another reason (see the detail). */
    CHECK_FAILED;

    public boolean canRead() {
        return this == OK || this == READ_ONLY;
    }
}
