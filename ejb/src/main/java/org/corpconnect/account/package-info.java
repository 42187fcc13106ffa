/**
 * Accounts: the organisations sharing one deployment. Everything else (connection, users, bookings,
 * API keys) belongs to exactly one account and is only ever reached through it.
 */
package org.corpconnect.account;
