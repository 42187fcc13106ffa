/**
 * Signing in and out of the admin pages. Password guessing is throttled per user name and per client
 * address: a few failures are free, then each further one makes the next attempt wait longer, then the
 * name (or address) is blocked for a while; unknown names count and answer exactly like known ones.
 */
package org.corpconnect.admin.signin;
