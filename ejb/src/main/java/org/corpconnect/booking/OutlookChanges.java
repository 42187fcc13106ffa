package org.corpconnect.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.corpconnect.account.Account;
import org.corpconnect.account.Accounts;
import org.corpconnect.bookingrules.BookingPolicy;
import org.corpconnect.bookingrules.CalendarUnknown;
import org.corpconnect.bookingrules.OutsideBookingRules;
import org.corpconnect.busytime.BusyTimeRead;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.connection.AccountConnections;
import org.corpconnect.connection.AccountExchange;
import org.corpconnect.connection.ConnectionPaused;
import org.corpconnect.connection.NotConnected;
import org.corpconnect.exchange.CalendarItemRef;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ItemState;
import org.corpconnect.users.UserNotFound;

/**
 * Follows what users do in Outlook to their bookings' own items. Each time a refresh has read a user's
 * busy time (the timer, or a change Exchange pushed), the user's confirmed bookings' items are read, only
 * whether each is gone or its start and end, in one call per user; then each booking is decided on that
 * reading in a transaction of its own, only if the booking is still the version read before Exchange was
 * asked ({@link Bookings#followOutlook}). So our own move of an item (through the API, whose claim also
 * hides the booking from this reading) is never taken for the user's, and no transaction spans Exchange.
 */
@ApplicationScoped
public class OutlookChanges {

    private static final Logger LOG = Logger.getLogger(OutlookChanges.class.getName());

    @Inject
    private Bookings bookings;

    @Inject
    private AccountConnections connections;

    @Inject
    private BookingPolicy rules;

    @Inject
    private Accounts accounts;

    private final Clock clock = Clock.systemUTC();

    /** On the refresh's worker: trouble here never fails the refresh; what was not read is read at the next one. */
    void afterBusyTimeRead(@Observes BusyTimeRead read) {
        try {
            follow(read);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Following Outlook for account " + read.accountId() + " failed; tried again at the next refresh.", e);
        }
    }

    private void follow(BusyTimeRead read) {
        List<Booking> followed = bookings.withItemsToFollow(read.accountId(), read.userIds(), clock.instant());
        if (followed.isEmpty()) {
            return;
        }
        Optional<Account> account = accounts.find(read.accountId());
        if (account.isEmpty()) {
            return;
        }
        AccountExchange exchange;
        try {
            exchange = connections.open(read.accountId());
        } catch (ConnectionPaused | NotConnected e) {
            return;
        }
        Map<MailboxAddress, List<Booking>> byUser = followed.stream()
                // A ref named before the account moved protocol is carried over first; until then it is not read.
                .filter(b -> b.itemRef().filter(exchange::names).isPresent())
                .collect(Collectors.groupingBy(Booking::userAddress, LinkedHashMap::new, Collectors.toList()));
        byUser.forEach((user, ofUser) -> {
            try {
                follow(account.get(), exchange, user, ofUser);
            } catch (ExchangeException | ConnectionPaused e) {
                LOG.info(() -> "The items of " + user + "'s bookings could not be read (" + e.getMessage()
                        + "); read again at the next refresh.");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Following Outlook for " + user + "'s bookings failed; tried again at the next refresh.", e);
            }
        });
    }

    private void follow(Account account, AccountExchange exchange, MailboxAddress user, List<Booking> ofUser) {
        Map<CalendarItemRef, Booking> byItem = new LinkedHashMap<>();
        ofUser.forEach(b -> byItem.put(b.itemRef().orElseThrow(), b));
        Map<CalendarItemRef, ItemState> states = exchange.itemStates(user, List.copyOf(byItem.keySet()));
        states.forEach((ref, state) -> {
            Booking booking = byItem.get(ref);
            Bookings.Followed followed = bookings.followOutlook(booking.id(), booking.version(), state, refusal(account, booking, state));
            if (followed != Bookings.Followed.IN_STEP && followed != Bookings.Followed.UNCHANGED) {
                LOG.info(() -> booking + " after its item's change in Outlook (" + state + "): " + followed);
            }
        });
    }

    /** Why the booking cannot take its item's new time, by the same rules as a move through the API. */
    private Optional<String> refusal(Account account, Booking booking, ItemState state) {
        if (!(state instanceof ItemState.At at) || booking.itemAt(at.start(), at.end())) {
            return Optional.empty();
        }
        TimeWindow moved = new TimeWindow(at.start(), at.end());
        try {
            // The item itself now shows as busy at the new time: it is the booking's own, not another's.
            rules.requireBookable(account, booking.userAddress(), moved, Optional.of(moved));
            return Optional.empty();
        } catch (OutsideBookingRules broken) {
            return Optional.of(broken.rule().id() + ": " + broken.getMessage());
        } catch (CalendarUnknown | UserNotFound unknown) {
            return Optional.of(unknown.getMessage());
        }
    }
}
