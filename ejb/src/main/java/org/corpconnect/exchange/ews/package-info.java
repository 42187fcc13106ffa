/**
 * The EWS side of the gateway ({@link org.corpconnect.exchange.ews.EwsGateway}), for on-premises
 * Exchange and, until it goes, Exchange Online: the only package that imports ews-java-api
 * ({@code microsoft.exchange.webservices}).
 *
 * <p>Every call holds an {@code ExchangeService} of its own while it runs (not thread-safe: one pooled
 * connection and mutable impersonation state), taken from {@link org.corpconnect.exchange.ews.EwsServicePool}
 * for its exact access and configured afresh, and handed back after a success, closed after a failure (one
 * built per call leaked memory in Payara 6's class loader: see the pool); EWS failures leave as this package's exceptions,
 * never as ews-java-api types, and never carry a SOAP envelope or a secret in their message.
 * {@link org.corpconnect.exchange.ews.EwsFailures} is the one place of translation, for whole requests
 * (exceptions) and for one mailbox's error inside an answer ({@link org.corpconnect.exchange.MailboxProblem}).
 *
 * <p>Free/busy is always read as the dedicated mailbox itself, FreeBusy view only (never Detailed),
 * whatever the access mode: it needs no impersonation of the users, so 100 users fit one request, and
 * event details never enter the product. Free appointments are left out of the busy intervals.
 * Its request goes out through ews-java-api ({@link org.corpconnect.exchange.ews.FreeBusyRequest}: the
 * same envelope, authentication, HTTP client and failures as every other call), and its answer is read by
 * {@link org.corpconnect.exchange.ews.FreeBusyAnswerReader}, a StAX cursor of our own: ews-java-api's
 * reading of it (a SimpleDateFormat per time, an object per XML event) was most of a refresh's CPU.
 * Basic credentials are sent preemptively: one HTTP request per EWS call, not a challenge first.
 *
 * <p>Exchange Online app-only OAuth ({@link org.corpconnect.exchange.ExchangeCredential.OAuthApp}): a
 * client-credentials token ({@link org.corpconnect.exchange.ews.OAuthTokens}, cached per token endpoint,
 * client id, secret hash and {@link org.corpconnect.exchange.ExchangeAccess#generation()}) goes in
 * {@code Authorization: Bearer}. Such a token has no mailbox, so every request impersonates one and
 * names it in {@code X-AnchorMailbox}: the dedicated mailbox for verify, free/busy and a delegation
 * probe (which then opens {@code FolderId(Calendar, Mailbox(user))}), the user for an impersonation
 * probe. The app's application access policy must therefore include the dedicated mailbox too.
 * Exchange refusing a token (401) drops it from the cache; nothing is retried.
 *
 * <p>A booking's calendar item ({@link org.corpconnect.exchange.ews.EwsBookingItems}) is written into the
 * user's own calendar through the access mode: impersonating the user, or as a delegate into
 * {@code FolderId(Calendar, Mailbox(user))}. It carries only subject, UTC start and end, Busy, no
 * reminder, the booking id (an extended property in our own property set) and the invitee; with an
 * invitee it is a meeting. It is found again by FindItem restricted to the booking id, ids only. A
 * denial becomes {@link org.corpconnect.exchange.CalendarWriteDenied} with its
 * {@link org.corpconnect.exchange.MailboxProblem}. Exactly once: a request sent without an answer
 * (read timeout, connection closed) is {@link org.corpconnect.exchange.ExchangeOutcomeUnknown}, the
 * change may have been made, so the caller looks before writing again; a request that never left
 * (connection refused, unknown host) is a plain {@link org.corpconnect.exchange.ExchangeUnreachable}.
 *
 * <p>Streaming notifications: one streaming subscription per user's calendar (Exchange takes one
 * mailbox per subscription), as the user in impersonation mode, and GetStreamingEvents connections of up
 * to 200 subscriptions, anchored to their first user. The connection's ExchangeService stays open while
 * the caller reads it ({@link org.corpconnect.exchange.ews.EwsCalendarStream}) and closing it aborts the
 * read. Its answer is read by {@link org.corpconnect.exchange.ews.StreamedMessages} with the JDK's StAX,
 * DTDs and entities refused: ews-java-api's streaming reader parses with DTDs on and reads on a thread
 * it makes itself, so only its request is used.
 *
 * <p>Autodiscover ({@link org.corpconnect.exchange.ews.EwsAutodiscover}) finds the EWS URL from an address.
 *
 * <p>Every connection, ews-java-api's (EWS, Autodiscover with its guesses and redirects) and the token
 * endpoint's, goes through {@link org.corpconnect.exchange.outbound.CheckedSockets}: HttpClient resolves the
 * host, the operator's {@link org.corpconnect.exchange.outbound.OutboundPolicy} checks the address, and
 * the socket connects to exactly that address. A refused address and a failed connection leave as the
 * same {@link org.corpconnect.exchange.ExchangeUnreachable} sentence.
 */
package org.corpconnect.exchange.ews;
