/**
 * The week view of one user: their stored busy time and the bookings that hold slots, drawn as
 * blocks over their working hours (an inline SVG: no script, no inline style, so the pages' content
 * security policy holds), with the same items listed beneath. It reads what availability reads
 * ({@code CalendarSnapshots}), never Exchange.
 */
package org.corpconnect.admin.week;
