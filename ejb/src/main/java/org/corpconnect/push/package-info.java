/**
 * Push from Exchange: Exchange watches each bookable user's calendar and calls the product back on a
 * change, so that only that user's busy time is read again, in seconds instead of at the next timer
 * refresh (which stays, as the safety net).
 *
 * <p>{@link org.corpconnect.push.WatchKeeper} keeps one watch per readable user of every account whose
 * access watches by callback (Graph's central mode), created, renewed before expiry, re-created under a
 * new credential, stopped when the user goes; their state is in the database, so any cluster member
 * can keep them and answer their callbacks. {@link org.corpconnect.push.WatchCallbacks} checks each
 * callback's secret token against the stored hash and hands the work over at once: the callback is
 * answered within Exchange's limits, never after a call to Exchange.
 *
 * <p>Where the access watches over connections held open to Exchange instead (EWS streaming
 * notifications), {@link org.corpconnect.push.StreamKeeper} keeps them: one member per account at a time,
 * under a lease in the database ({@link org.corpconnect.push.StreamLeases}), the connections on managed
 * threads ({@link org.corpconnect.push.AccountStreams}), reconnecting and subscribing lost watches again
 * (their users read once more, so nothing is missed).
 *
 * <p>Nothing here knows the protocol: the gateway creates the watches and reads the callbacks.
 */
package org.corpconnect.push;
