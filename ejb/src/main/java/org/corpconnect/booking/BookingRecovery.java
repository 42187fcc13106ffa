package org.corpconnect.booking;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.corpconnect.connection.AccountConnections;
import org.corpconnect.connection.AccountExchange;
import org.corpconnect.exchange.CalendarItemNotFound;
import org.corpconnect.exchange.CalendarItemRef;

/**
 * Settles one booking that the sweep found left mid-way, so that the booking and its calendar item
 * agree: a lapsed hold (FAILED, or PENDING whose writer is gone) is confirmed if its item is in the
 * calendar and released if not; a move whose owner is gone makes the item follow the booking; a
 * cancellation whose item was not removed yet removes it.
 */
@Dependent // Used by the sweep only; state-free.
class BookingRecovery {

    private static final Logger LOG = Logger.getLogger(BookingRecovery.class.getName());

    @Inject
    private Bookings bookings;

    @Inject
    private AccountConnections connections;

    @Inject
    private BookingItems items;

    void settle(String bookingId, Bookings.Lapse lapse) {
        Optional<Bookings.Claim> taken = bookings.takeOver(bookingId, lapse);
        if (taken.isEmpty()) {
            return; // Settled meanwhile by its owner, a retry or an admin.
        }
        Bookings.Claim claim = taken.get();
        Booking booking = claim.booking();
        switch (booking.status()) {
            case FAILED -> settleHold(claim, booking);
            case CONFIRMED -> followBooking(claim, booking);
            case CANCELLED -> removeItem(claim, booking);
            default -> bookings.giveUp(claim);
        }
    }

    /** Looks for the item by the booking id: there, the booking is confirmed; not there, the hold ends. */
    private void settleHold(Bookings.Claim claim, Booking booking) {
        Optional<CalendarItemRef> found;
        try {
            found = items.find(connections.open(booking.accountId()), booking, new BookingItems.Attempt(true));
        } catch (RuntimeException unanswered) {
            if (booking.itemMayExist()) {
                LOG.info(() -> "The item of " + booking + " may exist and Exchange did not answer (" + unanswered.getMessage()
                        + "): the hold stays until the next look.");
                bookings.giveUp(claim);
            } else {
                // Nothing was ever sent that could have written it: the hold ends without Exchange's word.
                bookings.release(claim);
            }
            return;
        }
        if (found.isPresent()) {
            LOG.info(() -> "The write of " + booking + " did land: confirmed with its item.");
            bookings.written(claim, found.get());
        } else {
            bookings.release(claim);
        }
    }

    /** A move or cancellation stopped half-way: the booking is the truth, its item takes its times. */
    private void followBooking(Bookings.Claim claim, Booking booking) {
        CalendarItemRef ref = booking.itemRef().orElseThrow();
        try {
            AccountExchange exchange = connections.open(booking.accountId());
            CalendarItemRef moved = items.update(exchange, booking, ref, booking.start(), booking.end());
            bookings.moved(claim, moved);
        } catch (CalendarItemNotFound gone) {
            // The cancellation that stopped had deleted it already, or the user did: the booking follows.
            bookings.cancelled(claim);
        } catch (RuntimeException unanswered) {
            LOG.info(() -> "The item of " + booking + " could not follow it yet (" + unanswered.getMessage()
                    + "); the next sweep tries again.");
        }
    }

    private void removeItem(Bookings.Claim claim, Booking booking) {
        try {
            items.delete(connections.open(booking.accountId()), booking, booking.itemRef());
            bookings.cancelled(claim);
        } catch (RuntimeException unanswered) {
            LOG.info(() -> "The item of cancelled " + booking + " could not be removed yet (" + unanswered.getMessage()
                    + "); the next sweep tries again.");
        }
    }
}
