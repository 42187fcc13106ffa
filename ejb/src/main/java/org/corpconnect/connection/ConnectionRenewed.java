package org.corpconnect.connection;

/**
 * Fired after a transaction that connected an account or replaced its credential committed: work
 * paused by a rejected credential resumes, and every user's busy time is refreshed with the new one.
 */
public record ConnectionRenewed(long accountId) {
}
