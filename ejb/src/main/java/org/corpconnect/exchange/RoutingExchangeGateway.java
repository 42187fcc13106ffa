package org.corpconnect.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;

/**
 * The {@link ExchangeGateway} the product injects: each call goes to the {@link ProtocolGateway}
 * that speaks the account's credential, so nothing above the gateway knows which protocol that is.
 */
@ApplicationScoped
public class RoutingExchangeGateway implements ExchangeGateway {

    @Inject
    @Any
    private Instance<ProtocolGateway> protocols;

    @Override
    public void verify(ExchangeAccess access) {
        of(access).verify(access);
    }

    @Override
    public ExchangeCredential verified(ExchangeAccess access) {
        return of(access).verified(access);
    }

    @Override
    public Map<MailboxAddress, MailboxBusyTime> busyTimes(ExchangeAccess access, List<MailboxAddress> mailboxes,
            TimeWindow window) {
        return of(access).busyTimes(access, mailboxes, window);
    }

    @Override
    public CalendarAccessProbe probe(ExchangeAccess access, MailboxAddress mailbox) {
        return of(access).probe(access, mailbox);
    }

    @Override
    public CalendarAccessProbe probe(ExchangeAccess access, MailboxAddress mailbox, MailboxBusyTime freeBusyJustRead) {
        return of(access).probe(access, mailbox, freeBusyJustRead);
    }

    @Override
    public URI discoverEwsUrl(MailboxAddress mailbox, ExchangeCredential credential, Optional<URI> autodiscoverEndpoint) {
        return of(credential).discoverEwsUrl(mailbox, credential, autodiscoverEndpoint);
    }

    @Override
    public CalendarItemRef createBookingItem(ExchangeAccess access, MailboxAddress owner, BookingItem item) {
        return of(access).createBookingItem(access, owner, item);
    }

    @Override
    public Optional<CalendarItemRef> findBookingItem(ExchangeAccess access, MailboxAddress owner, String bookingId,
            TimeWindow around) {
        return of(access).findBookingItem(access, owner, bookingId, around);
    }

    @Override
    public CalendarItemRef updateBookingItem(ExchangeAccess access, MailboxAddress owner, CalendarItemRef ref,
            BookingItem item) {
        return of(access).updateBookingItem(access, owner, ref, item);
    }

    @Override
    public void deleteBookingItem(ExchangeAccess access, MailboxAddress owner, CalendarItemRef ref, boolean hadInvitee) {
        of(access).deleteBookingItem(access, owner, ref, hadInvitee);
    }

    @Override
    public Map<CalendarItemRef, ItemState> itemStates(ExchangeAccess access, MailboxAddress owner, List<CalendarItemRef> refs) {
        return of(access).itemStates(access, owner, refs);
    }

    /**
     * Between two protocols, the one that can translate ids does: the target into its own naming, else
     * the source out of its own (Graph's translateExchangeIds serves both directions of a move to or
     * from EWS). Within one protocol, ids stay as they are.
     */
    @Override
    public Map<CalendarItemRef, CalendarItemRef> carryOverItems(ExchangeAccess source, ExchangeAccess target,
            MailboxAddress owner, List<CalendarItemRef> refs) {
        ProtocolGateway from = of(source);
        ProtocolGateway to = of(target);
        if (to.speaks(source.credential())) {
            return ExchangeGateway.super.carryOverItems(source, target, owner, refs);
        }
        Map<CalendarItemRef, CalendarItemRef> carried = to.translateItemRefs(target, owner, refs, true);
        return carried.isEmpty() ? from.translateItemRefs(source, owner, refs, false) : carried;
    }

    @Override
    public boolean watchesByCallback(ExchangeAccess access) {
        return of(access).watchesByCallback(access);
    }

    @Override
    public CalendarWatch watch(ExchangeAccess access, MailboxAddress user, URI callback, String secretToken,
            Instant until) {
        return of(access).watch(access, user, callback, secretToken, until);
    }

    @Override
    public Optional<CalendarWatch> renewWatch(ExchangeAccess access, String watchId, Instant until) {
        return of(access).renewWatch(access, watchId, until);
    }

    @Override
    public void stopWatch(ExchangeAccess access, String watchId) {
        of(access).stopWatch(access, watchId);
    }

    @Override
    public boolean watchesByStream(ExchangeAccess access) {
        return of(access).watchesByStream(access);
    }

    @Override
    public int watchesPerStream(ExchangeAccess access) {
        return of(access).watchesPerStream(access);
    }

    @Override
    public String subscribeStream(ExchangeAccess access, MailboxAddress user) {
        return of(access).subscribeStream(access, user);
    }

    @Override
    public void unsubscribeStream(ExchangeAccess access, MailboxAddress user, String watchId) {
        of(access).unsubscribeStream(access, user, watchId);
    }

    @Override
    public CalendarStream openStream(ExchangeAccess access, Map<String, MailboxAddress> watches, Duration length) {
        return of(access).openStream(access, watches, length);
    }

    /** The first protocol that recognises the callback reads it: each sends callbacks of its own shape. */
    @Override
    public Optional<WatchCallback> readCallback(Map<String, String> query, String body) {
        return protocols.stream().map(protocol -> protocol.readCallback(query, body)).flatMap(Optional::stream).findFirst();
    }

    private ProtocolGateway of(ExchangeAccess access) {
        return of(access.credential());
    }

    private ProtocolGateway of(ExchangeCredential credential) {
        return protocols.stream()
                .filter(protocol -> protocol.speaks(credential))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No protocol speaks a " + credential.getClass().getSimpleName()));
    }
}
