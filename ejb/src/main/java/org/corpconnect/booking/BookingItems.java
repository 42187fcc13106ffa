package org.corpconnect.booking;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.connection.AccountExchange;
import org.corpconnect.exchange.BookingItem;
import org.corpconnect.exchange.CalendarItemNotFound;
import org.corpconnect.exchange.CalendarItemRef;
import org.corpconnect.exchange.ExchangeOutcomeUnknown;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A booking's calendar item as the writer and the sweep handle it: written once (a lost answer is
 * looked for by the booking id before anything is written again), found by the booking id, deleted.
 */
@Dependent // State-free; one per user of it, so no proxy around package-private methods.
class BookingItems {

    private static final Logger LOG = Logger.getLogger(BookingItems.class.getName());

    /** Whether the invitee becomes an attendee of the item (and gets Exchange's invitation), or is only recorded. */
    @Inject
    @ConfigProperty(name = "booking.invitee-as-attendee", defaultValue = "true")
    boolean inviteeAsAttendee;

    /** What one attempt knows about the item: whether Exchange may hold it although no id came back. */
    static final class Attempt {
        private boolean mayHaveWritten;

        Attempt(boolean mayHaveWritten) {
            this.mayHaveWritten = mayHaveWritten;
        }

        boolean mayHaveWritten() {
            return mayHaveWritten;
        }
    }

    /** The item an earlier attempt left, if Exchange has it; an answer "none" settles the doubt. */
    Optional<CalendarItemRef> find(AccountExchange exchange, Booking booking, Attempt attempt) {
        Optional<CalendarItemRef> found = exchange.findBookingItem(booking.userAddress(), booking.id(), around(booking));
        if (found.isEmpty()) {
            attempt.mayHaveWritten = false;
        }
        return found;
    }

    /** CreateItem; when the answer is lost, Exchange may have written it: look before writing again. */
    CalendarItemRef create(AccountExchange exchange, Booking booking, Attempt attempt) {
        BookingItem item = itemOf(booking, booking.start(), booking.end());
        try {
            return exchange.createBookingItem(booking.userAddress(), item);
        } catch (ExchangeOutcomeUnknown unknown) {
            attempt.mayHaveWritten = true;
            LOG.info(() -> "No answer to the write of " + booking + "; looking for its item before anything else.");
            Optional<CalendarItemRef> written = find(exchange, booking, attempt);
            if (written.isPresent()) {
                return written.get();
            }
            try {
                return exchange.createBookingItem(booking.userAddress(), item);
            } catch (ExchangeOutcomeUnknown again) {
                attempt.mayHaveWritten = true;
                throw again;
            }
        }
    }

    /**
     * The item as this connection names it: the known ref, unless it was named before the account
     * moved to another protocol (or is not known): then the item found again by the booking id.
     */
    Optional<CalendarItemRef> current(AccountExchange exchange, Booking booking, Optional<CalendarItemRef> known) {
        if (known.isPresent() && exchange.names(known.get())) {
            return known;
        }
        return exchange.findBookingItem(booking.userAddress(), booking.id(), around(booking));
    }

    /** UpdateItem of the item to the given times; {@link CalendarItemNotFound} when it is gone. */
    CalendarItemRef update(AccountExchange exchange, Booking booking, CalendarItemRef known, Instant start, Instant end) {
        CalendarItemRef item = current(exchange, booking, Optional.of(known)).orElseThrow(() ->
                new CalendarItemNotFound("The item of booking " + booking.id() + " is no longer in the calendar."));
        return exchange.updateBookingItem(booking.userAddress(), item, itemOf(booking, start, end));
    }

    /** DeleteItem of the known item, else of the one found by the booking id; nothing there is fine. */
    void delete(AccountExchange exchange, Booking booking, Optional<CalendarItemRef> known) {
        current(exchange, booking, known).ifPresent(ref -> exchange.deleteBookingItem(booking.userAddress(), ref,
                inviteeAsAttendee && booking.invitee().isPresent()));
    }

    BookingItem itemOf(Booking booking, Instant start, Instant end) {
        return new BookingItem(booking.id(), booking.title(), start, end, booking.invitee()
                .filter(i -> inviteeAsAttendee)
                .map(i -> new BookingItem.Invitee(i.name(), i.email())));
    }

    /** Where to look for the item: around the booking's times, and around the old ones during a move. */
    private static TimeWindow around(Booking booking) {
        Instant start = booking.previousStart().filter(s -> s.isBefore(booking.start())).orElse(booking.start());
        Instant end = booking.previousEnd().filter(e -> e.isAfter(booking.end())).orElse(booking.end());
        return new TimeWindow(start.minus(Duration.ofDays(1)), end.plus(Duration.ofDays(1)));
    }
}
