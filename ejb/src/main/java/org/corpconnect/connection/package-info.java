/**
 * An account's connection to Exchange through its one dedicated mailbox: where EWS is, how users'
 * calendars are reached (impersonation or delegation), the one stored credential (encrypted; for
 * Microsoft Graph's individual mode also the dedicated mailbox's sign-in, its token cache, rewritten
 * conditionally at each refresh), and how the connection is doing, in words an Exchange admin understands.
 */
package org.corpconnect.connection;
