package org.corpconnect.booking;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
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
import org.corpconnect.exchange.BookingItem;
import org.corpconnect.exchange.CalendarItemRef;
import org.corpconnect.exchange.CalendarWriteDenied;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeOutcomeUnknown;
import org.corpconnect.exchange.ExchangeThrottled;
import org.corpconnect.exchange.MailboxBusyTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Books, moves and cancels: the database reservation first, then the live check and the calendar
 * write through the account's dedicated mailbox, with no transaction held around Exchange.
 */
@ApplicationScoped
public class BookingWriter {

    private static final Logger LOG = Logger.getLogger(BookingWriter.class.getName());
    /** A PENDING booking not touched for this long lost its writer (a crash): a retry may take it over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    @Inject
    private Bookings bookings;

    @Inject
    private AccountConnections connections;

    /** The rules availability offers by: checked before anything is reserved. */
    @Inject
    private BookingPolicy rules;

    /** Whether the invitee becomes an attendee of the item (and gets Exchange's invitation), or is only recorded. */
    @Inject
    @ConfigProperty(name = "booking.invitee-as-attendee", defaultValue = "true")
    boolean inviteeAsAttendee;

    private final Clock clock = Clock.systemUTC();

    public record Outcome(Booking booking, boolean created) {
    }

    public Outcome book(Account account, BookingRequest request) {
        rules.requireBookable(account, request.user(), new TimeWindow(request.start(), request.end()), Optional.empty());
        Bookings.Reservation reservation;
        try {
            reservation = bookings.reserve(account, request);
        } catch (EJBException | PersistenceException duplicateKey) {
            // Two first requests with one key raced past the lookup: the unique key let one through.
            reservation = new Bookings.Reservation(bookings.byKey(account.id(), request.idempotencyKey())
                    .orElseThrow(() -> duplicateKey), true);
        }
        Booking booking = reservation.booking();
        if (!reservation.replay()) {
            return new Outcome(write(account, booking, false), true);
        }
        if (!booking.requestHash().equals(request.fingerprint())) {
            throw new IdempotencyKeyReused();
        }
        return switch (booking.status()) {
            case CONFIRMED, CANCELLED -> new Outcome(booking, false);
            case REJECTED -> throw new SlotTaken();
            case PENDING, FAILED -> {
                if (!bookings.claim(booking.id(), booking.version(), clock.instant().minus(ABANDONED_AFTER))) {
                    throw new BookingInProgress();
                }
                yield new Outcome(write(account, bookings.get(account.id(), booking.id()), true), false);
            }
        };
    }

    /** The live check and the write; {@code resumed} first looks for an item an earlier attempt may have left. */
    private Booking write(Account account, Booking booking, boolean resumed) {
        try {
            AccountExchange exchange = connections.open(account.id());
            BookingItem item = itemOf(booking, booking.start(), booking.end());
            if (resumed) {
                Optional<CalendarItemRef> earlier = exchange.findBookingItem(booking.userAddress(), booking.id(), around(booking));
                if (earlier.isPresent()) {
                    return bookings.confirm(booking.id(), earlier.get().itemId(), earlier.get().changeKey());
                }
            }
            requireFreeInExchange(account, exchange, booking, booking.start(), booking.end(), false);
            CalendarItemRef ref;
            try {
                ref = exchange.createBookingItem(booking.userAddress(), item);
            } catch (ExchangeOutcomeUnknown unknown) {
                // Exchange may have written it and only the answer got lost: look before writing again.
                LOG.info(() -> "No answer to the write of " + booking + "; looking for its item before anything else.");
                ref = exchange.findBookingItem(booking.userAddress(), booking.id(), around(booking))
                        .orElseGet(() -> exchange.createBookingItem(booking.userAddress(), item));
            }
            return bookings.confirm(booking.id(), ref.itemId(), ref.changeKey());
        } catch (SlotTaken taken) {
            bookings.reject(booking.id());
            throw taken;
        } catch (UserNotBookable unreadable) {
            bookings.fail(booking.id(), unreadable.getMessage());
            throw unreadable;
        } catch (CalendarWriteDenied denied) {
            bookings.fail(booking.id(), denied.getMessage());
            throw new UserNotBookable();
        } catch (ExchangeThrottled throttled) {
            bookings.fail(booking.id(), throttled.getMessage());
            throw BookingNotWritten.recorded(booking.id(), throttled.getMessage(), Optional.of(throttled.backOff()));
        } catch (ExchangeException | ConnectionPaused | NotConnected failure) {
            bookings.fail(booking.id(), failure.getMessage());
            throw BookingNotWritten.recorded(booking.id(), failure.getMessage(), Optional.empty());
        }
    }

    /** Moves a confirmed booking: the new slot is held in the database first, then checked live and written. */
    public Booking reschedule(Account account, String bookingId, Instant start, Instant end) {
        Booking before = bookings.get(account.id(), bookingId);
        // The new times obey the checks and the rules of a new booking.
        new BookingRequest(before.userAddress(), start, end, before.title(), before.invitee(), before.idempotencyKey());
        rules.requireBookable(account, before.userAddress(), new TimeWindow(start, end),
                Optional.of(new TimeWindow(before.start(), before.end())));
        Booking moved = bookings.move(account, bookingId, start, end);
        try {
            AccountExchange exchange = connections.open(account.id());
            requireFreeInExchange(account, exchange, before, start, end, true);
            CalendarItemRef ref = exchange.updateBookingItem(before.userAddress(),
                    new CalendarItemRef(before.itemId().orElseThrow(), before.itemChangeKey().orElse(null)),
                    itemOf(moved, start, end));
            return bookings.updateChangeKey(bookingId, ref.changeKey());
        } catch (RuntimeException failure) {
            bookings.moveBack(bookingId, before.start(), before.end());
            throw translated(failure, bookingId);
        }
    }

    /** Cancels: the calendar item goes first (an item already gone is fine), then the booking. */
    public Booking cancel(Account account, String bookingId) {
        Booking booking = bookings.get(account.id(), bookingId);
        if (booking.status() == BookingStatus.CANCELLED || booking.status() == BookingStatus.REJECTED) {
            return booking;
        }
        try {
            AccountExchange exchange = connections.open(account.id());
            Optional<CalendarItemRef> item = booking.itemId().map(id -> new CalendarItemRef(id, booking.itemChangeKey().orElse(null)))
                    .or(() -> exchange.findBookingItem(booking.userAddress(), booking.id(), around(booking)));
            item.ifPresent(ref -> exchange.deleteBookingItem(booking.userAddress(), ref,
                    inviteeAsAttendee && booking.invitee().isPresent()));
        } catch (RuntimeException failure) {
            throw translated(failure, bookingId);
        }
        return bookings.cancelled(bookingId);
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

    /** One free/busy request for the user and the slot, right before writing. */
    private static void requireFreeInExchange(Account account, AccountExchange exchange, Booking booking,
                                              Instant start, Instant end, boolean ignoreOwnItem) {
        MailboxBusyTime busy = exchange.busyTimes(List.of(booking.userAddress()), new TimeWindow(start, end))
                .get(booking.userAddress());
        if (!(busy instanceof MailboxBusyTime.Known known)) {
            throw new UserNotBookable();
        }
        Set<BusyType> blocking = account.blockingBusyTypes();
        boolean taken = known.intervals().stream()
                .filter(i -> blocking.contains(i.type()))
                .anyMatch(i -> !(ignoreOwnItem && Bookings.isOwnItem(i, booking)));
        if (taken) {
            throw new SlotTaken();
        }
    }

    private BookingItem itemOf(Booking booking, Instant start, Instant end) {
        return new BookingItem(booking.id(), booking.title(), start, end, booking.invitee()
                .filter(i -> inviteeAsAttendee)
                .map(i -> new BookingItem.Invitee(i.name(), i.email())));
    }

    private static TimeWindow around(Booking booking) {
        return new TimeWindow(booking.start().minus(Duration.ofDays(1)), booking.end().plus(Duration.ofDays(1)));
    }
}
