package org.corpconnect.exchange;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    int MAX_MAILBOXES_PER_REQUEST = 100;
    int MAX_WINDOW_DAYS = 42;
}
