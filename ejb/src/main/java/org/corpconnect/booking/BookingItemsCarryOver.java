package org.corpconnect.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.corpconnect.audit.AuditEntry.Outcome;
import org.corpconnect.audit.AuditLog;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.ItemNamingChanged;
import org.corpconnect.exchange.CalendarItemRef;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeGateway;

/**
 * After an account moved between protocols, every booking's item ref is carried over to the new
 * connection at once, one request per owner (Graph's translateExchangeIds), so that its next move or
 * cancellation reaches the same item without a search. Each ref is stored only if the booking still
 * holds the one carried over; whatever is not carried over here (Exchange busy, an item gone, a write
 * that settled meanwhile) is found again by its booking id when next used. Nothing waits for this:
 * the new connection serves from the moment it took over.
 */
@ApplicationScoped
class BookingItemsCarryOver {

    private static final Logger LOG = Logger.getLogger(BookingItemsCarryOver.class.getName());

    @Inject
    private Bookings bookings;

    @Inject
    private ExchangeGateway exchange;

    @Inject
    private AuditLog audit;

    void carryOver(@Observes ItemNamingChanged change) {
        long generation = change.current().generation();
        Map<MailboxAddress, List<Booking>> byOwner = new LinkedHashMap<>();
        bookings.namedBefore(change.accountId(), generation)
                .forEach(b -> byOwner.computeIfAbsent(b.userAddress(), owner -> new ArrayList<>()).add(b));
        int total = byOwner.values().stream().mapToInt(List::size).sum();
        int carried = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<MailboxAddress, List<Booking>> owner : byOwner.entrySet()) {
            List<CalendarItemRef> refs = owner.getValue().stream().map(b -> b.itemRef().orElseThrow()).toList();
            Map<CalendarItemRef, CalendarItemRef> translated;
            try {
                translated = exchange.carryOverItems(change.previous(), change.current(), owner.getKey(), refs);
            } catch (ExchangeException failure) {
                failures.add(owner.getKey() + ": " + failure.getMessage());
                continue;
            }
            for (Booking booking : owner.getValue()) {
                CalendarItemRef from = booking.itemRef().orElseThrow();
                CalendarItemRef to = translated.get(from);
                if (to != null && bookings.carriedOver(booking.id(), from, to.namedAt(generation))) {
                    carried++;
                }
            }
        }
        int done = carried;
        LOG.info(() -> "Account " + change.accountId() + " moved protocol: " + done + " of " + total
                + " booking items carried over" + (failures.isEmpty() ? "." : "; not for " + failures));
        audit.record(change.accountId(), "system", "connection.items-carried-over",
                failures.isEmpty() && done == total ? Outcome.SUCCESS : Outcome.FAILED,
                done + " of " + total + " bookings' calendar items carried over to the new connection; the others are"
                        + " found again by their booking id when next changed"
                        + (failures.isEmpty() ? "." : ". Not carried over: " + String.join("; ", failures)));
    }
}
