package org.corpconnect.connection;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.exchange.BookingItem;
import org.corpconnect.exchange.CalendarAccessProbe;
import org.corpconnect.exchange.CalendarItemRef;
import org.corpconnect.exchange.CalendarStream;
import org.corpconnect.exchange.CalendarWatch;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeGateway;
import org.corpconnect.exchange.ItemState;
import org.corpconnect.exchange.MailboxBusyTime;

/**
 * One account's way to Exchange with the credential it had when this was opened. Every call first
 * asks the guard whether that credential was rejected meanwhile, and reports a rejection at once.
 * Open a new one after a credential change: this one keeps the old credential.
 */
public final class AccountExchange {

    private final long accountId;
    private final ExchangeAccess access;
    private final long itemNamingSince;
    private final ExchangeGateway gateway;
    private final AccountConnections connections;

    AccountExchange(long accountId, ExchangeAccess access, long itemNamingSince, ExchangeGateway gateway,
                    AccountConnections connections) {
        this.accountId = accountId;
        this.access = access;
        this.itemNamingSince = itemNamingSince;
        this.gateway = gateway;
        this.connections = connections;
    }

    public long accountId() {
        return accountId;
    }

    /** The credential generation this was opened with. */
    public long generation() {
        return access.generation();
    }

    /**
     * Whether this connection reaches the item by this ref: named by this connection or one that names
     * items alike. A ref named before the account moved to another protocol is not: find the item again
     * by its booking id.
     */
    public boolean names(CalendarItemRef ref) {
        return ref.namedAt() >= itemNamingSince;
    }

    public Map<MailboxAddress, MailboxBusyTime> busyTimes(List<MailboxAddress> mailboxes, TimeWindow window) {
        return guarded(() -> gateway.busyTimes(access, mailboxes, window));
    }

    public CalendarAccessProbe probe(MailboxAddress mailbox) {
        return guarded(() -> gateway.probe(access, mailbox));
    }

    public CalendarAccessProbe probe(MailboxAddress mailbox, MailboxBusyTime freeBusyJustRead) {
        return guarded(() -> gateway.probe(access, mailbox, freeBusyJustRead));
    }

    public CalendarItemRef createBookingItem(MailboxAddress owner, BookingItem item) {
        return guarded(() -> gateway.createBookingItem(access, owner, item)).namedAt(generation());
    }

    public Optional<CalendarItemRef> findBookingItem(MailboxAddress owner, String bookingId, TimeWindow around) {
        return guarded(() -> gateway.findBookingItem(access, owner, bookingId, around)).map(ref -> ref.namedAt(generation()));
    }

    public CalendarItemRef updateBookingItem(MailboxAddress owner, CalendarItemRef ref, BookingItem item) {
        return guarded(() -> gateway.updateBookingItem(access, owner, ref, item)).namedAt(generation());
    }

    public void deleteBookingItem(MailboxAddress owner, CalendarItemRef ref, boolean hadInvitee) {
        guarded(() -> {
            gateway.deleteBookingItem(access, owner, ref, hadInvitee);
            return null;
        });
    }

    /** Where these items of the owner's are now (see {@link ExchangeGateway#itemStates}). */
    public Map<CalendarItemRef, ItemState> itemStates(MailboxAddress owner, List<CalendarItemRef> refs) {
        return guarded(() -> gateway.itemStates(access, owner, refs));
    }

    /** Whether Exchange can watch this account's users' calendars and call back on changes. */
    public boolean watchesByCallback() {
        return gateway.watchesByCallback(access);
    }

    public CalendarWatch watch(MailboxAddress user, URI callback, String secretToken, Instant until) {
        return guarded(() -> gateway.watch(access, user, callback, secretToken, until));
    }

    public Optional<CalendarWatch> renewWatch(String watchId, Instant until) {
        return guarded(() -> gateway.renewWatch(access, watchId, until));
    }

    public void stopWatch(String watchId) {
        guarded(() -> {
            gateway.stopWatch(access, watchId);
            return null;
        });
    }

    /** Whether Exchange watches this account's users' calendars over connections held open to it. */
    public boolean watchesByStream() {
        return gateway.watchesByStream(access);
    }

    public int watchesPerStream() {
        return gateway.watchesPerStream(access);
    }

    public String subscribeStream(MailboxAddress user) {
        return guarded(() -> gateway.subscribeStream(access, user));
    }

    public void unsubscribeStream(MailboxAddress user, String watchId) {
        guarded(() -> {
            gateway.unsubscribeStream(access, user, watchId);
            return null;
        });
    }

    public CalendarStream openStream(Map<String, MailboxAddress> watches, Duration length) {
        return guarded(() -> gateway.openStream(access, watches, length));
    }

    private <T> T guarded(Supplier<T> call) {
        if (connections.guard().isRejected(accountId, access.generation())) {
            throw new ConnectionPaused();
        }
        try {
            return call.get();
        } catch (CredentialRejected e) {
            connections.rejected(accountId, access.generation(), e);
            throw e;
        }
    }
}
