/**
 * Freshness where Exchange cannot push: the busy time of every readable user of an account whose
 * calendars are not watched (Graph's delegated mode, Graph without {@code notifications.public-url}, EWS with
 * {@code push.streams} off) is
 * read again on a timer of its own, often for users with bookings in the next days, less often for
 * the others, each only their own busy time.
 *
 * <p>{@link org.corpconnect.polling.PollPlan} decides who is due when (pure);
 * {@link org.corpconnect.polling.PolledUsers} keeps, in the database every cluster member shares, when
 * each user was last polled and claims due users conditionally, so that a poll runs once in all;
 * {@link org.corpconnect.polling.Poller} runs the passes and hands the due users of an account, together,
 * to the account's refresh slot ({@code BusyTimeSync}), which reads them in few requests (as many
 * mailboxes each as Exchange takes), within the account's {@code sync.concurrency} and Exchange's back-off.
 */
package org.corpconnect.polling;
