package org.corpconnect.booking;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.corpconnect.account.Account;
import org.corpconnect.bookingrules.BookingPolicy;
import org.corpconnect.calendar.BusyType;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.connection.AccountConnections;
import org.corpconnect.connection.AccountExchange;
import org.corpconnect.connection.ConnectionPaused;
import org.corpconnect.connection.NotConnected;
import org.corpconnect.exchange.CalendarItemRef;
import org.corpconnect.exchange.CalendarWriteDenied;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeThrottled;
import org.corpconnect.exchange.MailboxBusyTime;

/**
 * Books, moves and cancels: the database reservation first, then the live check and the calendar
 * write through the account's dedicated mailbox, with no transaction held around Exchange. Each change
 * of an item happens under a claim on its booking ({@link Bookings.Claim}), settled only if the claim
 * is still the caller's; a caller that lost its claim undoes its own calendar change.
 */
@ApplicationScoped
public class BookingWriter {

    private static final Logger LOG = Logger.getLogger(BookingWriter.class.getName());

    @Inject
    private Bookings bookings;

    @Inject
    private AccountConnections connections;

    /** The rules availability offers by: checked before anything is reserved. */
    @Inject
    private BookingPolicy rules;

    @Inject
    private BookingItems items;

    @Inject
    private BookingLapses lapses;

    private final Clock clock = Clock.systemUTC();

    public record Outcome(Booking booking, boolean created) {
    }

    public Outcome book(Account account, BookingRequest request) {
        if (bookings.byKey(account.id(), request.idempotencyKey()).isEmpty()) {
            // The rules judge a new request; a retry of one already accepted gets that booking back,
            // even once its start has come within the notice or the user's data has gone stale.
            rules.requireBookable(account, request.user(), new TimeWindow(request.start(), request.end()), Optional.empty());
        }
        Bookings.Reservation reservation;
        try {
            reservation = bookings.reserve(account, request);
        } catch (EJBException | PersistenceException duplicateKey) {
            // Two first requests with one key raced past the lookup: the unique key let one through.
            reservation = Bookings.Reservation.replay(bookings.byKey(account.id(), request.idempotencyKey())
                    .orElseThrow(() -> duplicateKey));
        }
        Booking booking = reservation.booking();
        if (!reservation.replay()) {
            return new Outcome(write(account, new Bookings.Claim(booking, reservation.claim().orElseThrow()), false), true);
        }
        if (!booking.requestHash().equals(request.fingerprint())) {
            throw new IdempotencyKeyReused();
        }
        return switch (booking.status()) {
            case CONFIRMED, CANCELLED -> new Outcome(booking, false);
            case REJECTED -> throw new SlotTaken();
            case RELEASED -> throw new HoldLapsed(booking);
            case PENDING, FAILED -> {
                Bookings.Claim claim = bookings.resume(booking.id(), clock.instant().minus(lapses.lease()))
                        .orElseThrow(BookingInProgress::new);
                yield new Outcome(write(account, claim, true), false);
            }
        };
    }

    /** The live check and the write; {@code resumed} first looks for an item an earlier attempt may have left. */
    private Booking write(Account account, Bookings.Claim claim, boolean resumed) {
        Booking booking = claim.booking();
        BookingItems.Attempt attempt = new BookingItems.Attempt(booking.itemMayExist());
        CalendarItemRef ref;
        try {
            AccountExchange exchange = connections.open(account.id());
            Optional<CalendarItemRef> earlier = resumed ? items.find(exchange, booking, attempt) : Optional.empty();
            if (earlier.isPresent()) {
                ref = earlier.get();
            } else {
                requireFreeInExchange(account, exchange, booking, booking.start(), booking.end(), Optional.empty());
                ref = items.create(exchange, booking, attempt);
            }
        } catch (SlotTaken taken) {
            bookings.reject(claim);
            throw taken;
        } catch (UserNotBookable unreadable) {
            bookings.writeFailed(claim, unreadable.getMessage(), attempt.mayHaveWritten());
            throw unreadable;
        } catch (CalendarWriteDenied denied) {
            bookings.writeFailed(claim, denied.getMessage(), attempt.mayHaveWritten());
            throw new UserNotBookable();
        } catch (ExchangeThrottled throttled) {
            bookings.writeFailed(claim, throttled.getMessage(), attempt.mayHaveWritten());
            throw BookingNotWritten.recorded(booking.id(), throttled.getMessage(), Optional.of(throttled.backOff()));
        } catch (ExchangeException | ConnectionPaused | NotConnected failure) {
            bookings.writeFailed(claim, failure.getMessage(), attempt.mayHaveWritten());
            throw BookingNotWritten.recorded(booking.id(), failure.getMessage(), Optional.empty());
        }
        Bookings.Settled settled = bookings.written(claim, ref);
        if (settled.removeItem()) {
            LOG.info(() -> booking + " was cancelled or released while its item was written: removing the item.");
            return removeOwnItem(account, claim, settled.booking(), ref);
        }
        return settled.booking();
    }

    /**
     * Moves a confirmed booking: the new slot is held in the database first (one change at a time),
     * then checked live and written. Exchange refusing puts the old times back.
     */
    public Booking reschedule(Account account, String bookingId, Instant start, Instant end) {
        Booking before = bookings.get(account.id(), bookingId);
        // The new times obey the checks and the rules of a new booking.
        new BookingRequest(before.userAddress(), start, end, before.title(), before.invitee(), before.idempotencyKey());
        rules.requireBookable(account, before.userAddress(), new TimeWindow(start, end),
                Optional.of(new TimeWindow(before.start(), before.end())));
        Bookings.Claim claim = bookings.beginMove(account, bookingId, start, end);
        Booking moving = claim.booking();
        CalendarItemRef item = moving.itemRef().orElseThrow();
        Bookings.Settled settled;
        try {
            AccountExchange exchange = connections.open(account.id());
            requireFreeInExchange(account, exchange, moving, start, end,
                    Optional.of(new TimeWindow(moving.previousStart().orElseThrow(), moving.previousEnd().orElseThrow())));
            item = items.update(exchange, moving, item, start, end);
        } catch (RuntimeException failure) {
            settled = bookings.moveFailed(claim);
            if (!settled.removeItem()) {
                throw translated(failure, bookingId);
            }
            removeOwnItem(account, claim, settled.booking(), item);
            throw BookingNotChangeable.cancelledMeanwhile();
        }
        settled = bookings.moved(claim, item);
        if (settled.removeItem()) {
            removeOwnItem(account, claim, settled.booking(), item);
            throw BookingNotChangeable.cancelledMeanwhile();
        }
        return settled.booking();
    }

    /**
     * Cancels: the calendar item goes first (an item already gone is fine), then the booking. A booking
     * whose item is being written or moved is cancelled at once; the writer removes the item.
     */
    public Booking cancel(Account account, String bookingId, CancelledBy actor) {
        Bookings.Cancellation cancellation = bookings.beginCancel(account, bookingId, actor);
        if (cancellation.claim().isEmpty()) {
            return cancellation.booking();
        }
        Bookings.Claim claim = cancellation.claim().get();
        Booking booking = claim.booking();
        try {
            AccountExchange exchange = connections.open(account.id());
            items.delete(exchange, booking, booking.itemRef());
        } catch (RuntimeException failure) {
            bookings.giveUp(claim);
            throw translated(failure, bookingId);
        }
        return bookings.cancelled(claim);
    }

    /**
     * Undoes this caller's own calendar change after it lost the booking to a cancellation or a
     * takeover. If Exchange refuses, the claim (when still ours) stays for the sweep to finish.
     */
    private Booking removeOwnItem(Account account, Bookings.Claim claim, Booking booking, CalendarItemRef ref) {
        try {
            items.delete(connections.open(account.id()), booking, Optional.of(ref));
        } catch (RuntimeException failure) {
            LOG.warning(() -> "The item of " + booking + " could not be removed yet (" + failure.getMessage()
                    + "); the booking sweep will remove it.");
            return booking;
        }
        return bookings.cancelled(claim);
    }

    /** For a move or a cancellation: what Exchange's refusal means to the caller. */
    private static RuntimeException translated(RuntimeException failure, String bookingId) {
        if (failure instanceof CalendarWriteDenied) {
            return new UserNotBookable();
        }
        if (failure instanceof ExchangeThrottled throttled) {
            return BookingNotWritten.unchanged(bookingId, throttled.getMessage(), Optional.of(throttled.backOff()));
        }
        if (failure instanceof ExchangeException || failure instanceof ConnectionPaused || failure instanceof NotConnected) {
            return BookingNotWritten.unchanged(bookingId, failure.getMessage(), Optional.empty());
        }
        return failure;
    }

    /** One free/busy request for the user and the slot, right before writing; {@code ownItem}: where its own item sits. */
    private static void requireFreeInExchange(Account account, AccountExchange exchange, Booking booking,
                                              Instant start, Instant end, Optional<TimeWindow> ownItem) {
        MailboxBusyTime busy = exchange.busyTimes(List.of(booking.userAddress()), new TimeWindow(start, end))
                .get(booking.userAddress());
        if (!(busy instanceof MailboxBusyTime.Known known)) {
            throw new UserNotBookable();
        }
        Set<BusyType> blocking = account.blockingBusyTypes();
        boolean taken = known.intervals().stream()
                .filter(i -> blocking.contains(i.type()))
                .anyMatch(i -> ownItem.map(own -> !Bookings.isOwnItem(i, own.start(), own.end())).orElse(true));
        if (taken) {
            throw new SlotTaken();
        }
    }
}
