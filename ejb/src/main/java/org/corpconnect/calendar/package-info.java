/**
 * The calendar values every feature shares, whatever protocol reached Exchange: mailbox addresses,
 * time windows, busy intervals and their types, working weeks. No protocol library is imported here.
 */
package org.corpconnect.calendar;
