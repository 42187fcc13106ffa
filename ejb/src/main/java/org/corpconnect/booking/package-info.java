/**
 * Bookings, written exactly once into the user's own calendar through the dedicated mailbox.
 *
 * <p>How "exactly once" holds: a booking is first reserved in the database under a lock on its user
 * (so two requests for one slot cannot both pass the overlap check) and under a unique idempotency key
 * per account (so a retried request finds the booking it already made). Only then is the slot
 * re-checked live and the calendar item written, carrying the booking id in an extended property.
 * When Exchange may have written the item but did not answer, the item is looked up by that property
 * before anything is written again. A booking whose write failed stays FAILED, visible, and is
 * resumed by a retry with the same key: never lost, never written twice.
 */
package org.corpconnect.booking;
