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
 *
 * <p>How the booking and its item stay in step: the booking is a state machine (PENDING, CONFIRMED,
 * FAILED, REJECTED, CANCELLED, RELEASED), each transition made under a short lock on its row and only
 * if it still is what the change was decided on. A change of the item (write, move, cancellation) runs
 * under a claim on the booking, one at a time, with no transaction open during the Exchange call; only
 * the claim's holder settles it, and a holder that lost its booking (cancelled meanwhile, or released)
 * removes the item it wrote. A cancellation during a write or a move is recorded at once and never
 * undone. Holds lapse: the persistent {@link org.corpconnect.booking.BookingSweep} confirms a FAILED or
 * abandoned booking whose item is in the calendar after all, releases one whose item is not (after
 * {@code booking.hold-minutes}), and finishes changes whose holder is gone (after {@code booking.lease-seconds}).
 *
 * <p>The transitions the integrating app hears of (confirmed, moved, cancelled, with who cancelled:
 * {@link org.corpconnect.booking.CancelledBy}) write their webhook event in their own transaction
 * ({@link org.corpconnect.webhook.WebhookOutbox}): an event is sent for a change that committed, and only then.
 *
 * <p>Outlook-side changes of a booking's own item ({@link org.corpconnect.booking.OutlookChanges}): whenever a
 * refresh has read a user's busy time, the user's confirmed bookings' items are read (gone, or their start and
 * end: nothing else), and each booking follows what the user did, as the account says: deleted, cancelled
 * (actor OUTLOOK) or flagged; moved, rescheduled there within the booking rules, or flagged. Each decision is
 * made on the booking as it was before Exchange was read (its version), so our own moves are never taken for
 * the user's; nothing is written to Exchange (the item is already where the booking goes), so a rescheduled
 * booking keeps exactly its one item. Every such change is audited.
 */
package org.corpconnect.booking;
