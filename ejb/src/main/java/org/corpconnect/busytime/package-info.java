/**
 * Busy time: the only calendar data that enters the application (start, end, busy type), read
 * through the account's dedicated mailbox with GetUserAvailability in the FreeBusy view, in requests
 * of at most 100 mailboxes and 42 days, and kept fresh on a schedule per account kept in the database,
 * which every instance of a cluster shares: an instance runs a due refresh only under the account's
 * claim ({@link org.corpconnect.busytime.RefreshClaims}), so it runs once in all, and a claim of an
 * instance that died lapses for another to take.
 *
 * <p>Each user's intervals are replaced in one transaction, so no reader ever sees a user half
 * refreshed (and so wrongly free). One user's failure never stops the others; a rejected credential
 * stops the whole account after its first request. Each group of users stored is announced
 * ({@link org.corpconnect.busytime.BusyTimeRead}): the moment to look at what else of their calendars a
 * feature follows (a booking's own items), which this package does not know.
 *
 * <p>Accounts share one executor, each with at most {@code sync.concurrency} of its threads, and no
 * thread ever waits out Exchange's back-off: the refresh stops, and a timer resumes it when the
 * back-off ends, so one account's throttling never delays another's refresh.
 *
 * <p>Access rechecks (one probe per user) are spread over the refreshes of one recheck interval, the
 * longest unchecked first: users first checked together would otherwise all come due in one refresh.
 */
package org.corpconnect.busytime;
