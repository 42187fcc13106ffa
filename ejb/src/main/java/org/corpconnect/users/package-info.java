/**
 * The users of an account who accept bookings: their address, name and time zone, and what the
 * dedicated mailbox may do with their calendar as last checked. Removing a user removes their busy
 * time and pending work; their bookings stay.
 */
package org.corpconnect.users;
