/**
 * Whether the dedicated mailbox can read and write each user's calendar through the account's
 * access mode (impersonation or delegation), and what the user or the Exchange admin must do when
 * it cannot. Checked for new and failing users at every refresh, and for the others periodically.
 */
package org.corpconnect.delegation;
