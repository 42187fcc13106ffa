/**
 * The booking rules, in one place for availability and for bookings: a slot is offered only if a
 * booking of it would be accepted, and a booking is accepted only if availability could offer it.
 *
 * <p>Decisions:
 * <ul>
 * <li>Not in the past; at least {@code booking.minimum-notice-minutes} ahead; ending by the horizon
 * ({@code sync.horizon-days} from today, the end of the busy time kept fresh); 5 minutes to 8 hours
 * long; within one working span of the user (Exchange's working hours, else
 * {@code availability.default-working-hours}), in the user's zone.</li>
 * <li>A booking has no slot grid: any start that obeys the rules is fine. The availability query's
 * {@code slot} and {@code step} only choose which of the allowed slots to list.</li>
 * <li>Buffers are account-wide settings ({@code booking.buffer-before-minutes},
 * {@code booking.buffer-after-minutes}, default 0): a booking needs them free of stored busy time, and
 * availability never asks for less (a query may ask for more, for its own listing). The margins are
 * checked against busy time as last read, the booked span itself against the app's bookings under a
 * lock and live against Exchange.</li>
 * <li>Unknown is not free: a user whose busy time was never read, failed at the last refresh, or is
 * older than {@code availability.max-staleness-minutes} (default three refresh intervals) is
 * unreadable, with the reason (and the connection's status and since when); such a user is neither
 * offered nor booked until a refresh succeeds.</li>
 * <li>A refusal names its rule ({@link org.corpconnect.bookingrules.BookingRules.Rule}), so that the
 * API can answer 422 with it.</li>
 * </ul>
 */
package org.corpconnect.bookingrules;
