package org.corpconnect.exchange;

/** Why the dedicated mailbox cannot read or write one user's calendar; the others are unaffected. */
public enum MailboxProblem {
    /** No such mailbox in Exchange (ErrorNonExistentMailbox, ErrorMailRecipientNotFound). */
    MAILBOX_NOT_FOUND,
    /** Impersonation is not granted for this user (ErrorImpersonateUserDenied, ErrorImpersonationDenied). */
    IMPERSONATION_DENIED,
    /** The user's calendar permissions do not let the dedicated mailbox in (ErrorAccessDenied, ErrorNoFreeBusyAccess). */
    ACCESS_DENIED,
    /** Any other per-mailbox error; its EWS code is in the detail. */
    OTHER
}
