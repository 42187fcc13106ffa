/**
 * The Microsoft Graph side of the gateway ({@link org.corpconnect.exchange.graph.GraphGateway}), for
 * Exchange Online once EWS is gone: the only package that imports MSAL4J. Calls go through the
 * server's own Jakarta REST client with JSON-B; the Graph SDK is not shipped.
 *
 * <p>App-only (the central mode): MSAL4J's client-credentials grant with a client secret or a
 * certificate ({@link org.corpconnect.exchange.graph.GraphTokens}), one MSAL application per
 * credential and generation, so a replaced credential's tokens are never used again; MSAL caches the
 * token and renews it before it expires. A 401 from Graph drops that application; nothing is retried.
 *
 * <p>Delegated (the individual mode): the dedicated mailbox signed in once from the connection page
 * ({@link org.corpconnect.exchange.graph.MailboxSignIn}, authorization code with PKCE), and its tokens
 * come silently from its MSAL token cache ({@link org.corpconnect.exchange.graph.DelegatedTokens}), which
 * is stored encrypted with the connection and written back, conditionally, when a refresh rotates the
 * refresh token. A delegated token Graph refuses is replaced once; a refresh token Entra ID refuses ends
 * the sign-in ({@link org.corpconnect.exchange.CredentialRejected}) until the admin signs in again.
 *
 * <p>Busy time is read with {@code getSchedule}, as the dedicated mailbox (the URL's mailbox), at most
 * {@value org.corpconnect.exchange.graph.GraphSchedules#MAX_SCHEDULES} users per request: only status,
 * start and end are mapped; subject, location and the rest of an answer are never read into the product
 * (JSON-B ignores what the records do not declare). Free time is left out, as on EWS.
 *
 * <p>A booking is an event in the owner's calendar ({@link org.corpconnect.exchange.graph.GraphBookingEvents}),
 * created with the booking id as {@code transactionId} (a retried create returns the first event) and as
 * the same named extended property EWS writes, so an account moved from EWS finds its items again.
 *
 * <p>Graph allows an app 4 requests in flight per target mailbox ({@link org.corpconnect.exchange.graph.MailboxConcurrency});
 * 429 and 503 become {@link org.corpconnect.exchange.ExchangeThrottled} with Graph's {@code Retry-After};
 * the caller waits, the gateway never retries on its own. A request sent without an answer is
 * {@link org.corpconnect.exchange.ExchangeOutcomeUnknown}, as on EWS.
 *
 * <p>The records of Graph's JSON are public only because JSON-B reads them by reflection; nothing
 * outside this package uses them.
 */
package org.corpconnect.exchange.graph;
