package org.corpconnect.exchange;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;

/**
 * Calendar access through an account's dedicated mailbox, in the product's terms. Implementations
 * translate every failure into the exceptions of this package.
 */
public interface ExchangeGateway {

    /**
     * Proves that Exchange accepts the dedicated mailbox's credential, by reading its own calendar
     * folder: a request that needs no right on any user.
     */
    void verify(ExchangeAccess access);

    /**
     * {@link #verify}, telling which credential got in: for a password, with the scheme Exchange
     * accepted it by (an on-premises server may refuse Basic and take only NTLM). The connection is
     * saved with it, so every later call uses what the test used.
     */
    default ExchangeCredential verified(ExchangeAccess access) {
        verify(access);
        return access.credential();
    }

    /**
     * Busy time of at most {@value #MAX_MAILBOXES_PER_REQUEST} mailboxes in a window of at most
     * {@value #MAX_WINDOW_DAYS} days, in one request; only start, end and busy type, never details.
     * One mailbox's problem comes back in its own entry, the others still answer.
     */
    Map<MailboxAddress, MailboxBusyTime> busyTimes(ExchangeAccess access,
            List<MailboxAddress> mailboxes, TimeWindow window);

    /** Whether the dedicated mailbox can read and write this user's calendar through the access mode. */
    CalendarAccessProbe probe(ExchangeAccess access, MailboxAddress mailbox);

    /** The same, for a caller that has just read the user's free/busy: only the calendar folder is opened. */
    CalendarAccessProbe probe(ExchangeAccess access, MailboxAddress mailbox, MailboxBusyTime freeBusyJustRead);

    /**
     * The EWS URL of this mailbox, found by Autodiscover: at {@code autodiscoverEndpoint} when given,
     * else at the standard places for the address's domain. Redirections are followed only to HTTPS.
     */
    URI discoverEwsUrl(MailboxAddress mailbox, ExchangeCredential credential, Optional<URI> autodiscoverEndpoint);

    /**
     * Writes the booking into the owner's calendar, through the account's access mode, carrying the
     * booking id so that {@link #findBookingItem} finds it again. With an invitee the item is a meeting
     * and the invitee is invited. {@link ExchangeOutcomeUnknown}: the item may exist; find it before
     * writing again.
     */
    CalendarItemRef createBookingItem(ExchangeAccess access, MailboxAddress owner, BookingItem item);

    /**
     * The item carrying this booking id in the owner's calendar among the items overlapping
     * {@code around}, if any. Nothing but ids is read: never another item's details.
     */
    Optional<CalendarItemRef> findBookingItem(ExchangeAccess access, MailboxAddress owner, String bookingId,
            TimeWindow around);

    /**
     * Moves or changes the item to what the booking now says (subject, start, end, invitee); the invitee,
     * when there is one, gets the update, and an invitee removed gets a cancellation.
     * {@link CalendarItemNotFound} when the item is gone.
     */
    CalendarItemRef updateBookingItem(ExchangeAccess access, MailboxAddress owner, CalendarItemRef ref, BookingItem item);

    /** Deletes the item, sending the invitee a cancellation when it had one; an item already gone is not an error. */
    void deleteBookingItem(ExchangeAccess access, MailboxAddress owner, CalendarItemRef ref, boolean hadInvitee);

    /**
     * Where these items of the owner's are now: {@link ItemState.Gone} or their start and end, and nothing
     * else of them (never another item's details). Exchange is asked in as few requests as it allows; an
     * item whose state Exchange would not give (a per-item error other than "not found") is absent.
     */
    Map<CalendarItemRef, ItemState> itemStates(ExchangeAccess access, MailboxAddress owner, List<CalendarItemRef> refs);

    /**
     * Carries one owner's item refs from {@code source} to {@code target}, two ways to Exchange of the
     * same account (its connection before and after a change): each ref as {@code target} reaches the same
     * item. Refs that cannot be carried over are absent: find those by their booking id through
     * {@code target}. Between two accesses that name items alike, every ref stays as it is.
     */
    default Map<CalendarItemRef, CalendarItemRef> carryOverItems(ExchangeAccess source, ExchangeAccess target,
            MailboxAddress owner, List<CalendarItemRef> refs) {
        Map<CalendarItemRef, CalendarItemRef> same = new LinkedHashMap<>();
        refs.forEach(ref -> same.put(ref, ref));
        return same;
    }

    /**
     * Whether this access can have Exchange watch users' calendars and call a URL of ours back on
     * changes ({@link #watch}). Where it cannot (EWS for now, Graph's delegated mode), the users are
     * polled instead.
     */
    default boolean watchesByCallback(ExchangeAccess access) {
        return false;
    }

    /**
     * Has Exchange watch the user's calendar until {@code until} (or the earliest Exchange allows,
     * if sooner), calling {@code callback} with {@code secretToken} on each change. Exchange checks the
     * callback URL before it answers: the callback must already answer {@link WatchCallback.Handshake}s.
     */
    default CalendarWatch watch(ExchangeAccess access, MailboxAddress user, URI callback, String secretToken,
            Instant until) {
        throw new UnsupportedOperationException("This access does not watch calendars by callback.");
    }

    /** The watch kept until {@code until}; empty when Exchange no longer has it. */
    default Optional<CalendarWatch> renewWatch(ExchangeAccess access, String watchId, Instant until) {
        throw new UnsupportedOperationException("This access does not watch calendars by callback.");
    }

    /** Ends the watch; one Exchange no longer has is not an error. */
    default void stopWatch(ExchangeAccess access, String watchId) {
        throw new UnsupportedOperationException("This access does not watch calendars by callback.");
    }

    /**
     * Reads a request to the callback URL (its query parameters and body); empty when it is not a
     * callback this gateway's protocols send (the caller answers 400).
     */
    default Optional<WatchCallback> readCallback(Map<String, String> query, String body) {
        return Optional.empty();
    }

    /**
     * Whether this access watches users' calendars over connections the product holds open to
     * Exchange ({@link #subscribeStream}, {@link #openStream}) instead of by callback.
     */
    default boolean watchesByStream(ExchangeAccess access) {
        return false;
    }

    /** How many watches one {@link #openStream} connection may carry (Exchange's limit). */
    default int watchesPerStream(ExchangeAccess access) {
        return 1;
    }

    /**
     * Has Exchange keep the user's calendar changes for a stream; the watch's id. A watch no stream
     * reads for a while lapses on Exchange's side ({@link StreamEvent.Lost} when a stream asks for it).
     */
    default String subscribeStream(ExchangeAccess access, MailboxAddress user) {
        throw new UnsupportedOperationException("This access does not watch calendars over streams.");
    }

    /** Ends the watch; one Exchange no longer has is not an error. */
    default void unsubscribeStream(ExchangeAccess access, MailboxAddress user, String watchId) {
        throw new UnsupportedOperationException("This access does not watch calendars over streams.");
    }

    /**
     * Opens a connection reporting the changes of these watches (by id, with their users) for at most
     * {@code length}; it may be shorter if Exchange allows less. Changes made while no stream was open
     * come at once, as long as Exchange still has the watch.
     */
    default CalendarStream openStream(ExchangeAccess access, Map<String, MailboxAddress> watches, Duration length) {
        throw new UnsupportedOperationException("This access does not watch calendars over streams.");
    }

    int MAX_MAILBOXES_PER_REQUEST = 100;
    int MAX_WINDOW_DAYS = 42;
}
