package org.corpconnect.exchange;

/** How the dedicated mailbox reaches a user's calendar. */
public enum AccessMode {
    /** EWS impersonation: the Exchange admin grants the ApplicationImpersonation role once, centrally. */
    IMPERSONATION,
    /** Folder permission or delegate role that each user grants the dedicated mailbox from Outlook/OWA. */
    DELEGATION
}
