/**
 * The Exchange gateway: the product's only door to Exchange, in the product's own terms
 * ({@link org.corpconnect.exchange.ExchangeGateway}). {@link org.corpconnect.exchange.EwsGateway}
 * implements it with ews-java-api, the one package that imports {@code microsoft.exchange.webservices};
 * a Microsoft Graph implementation can replace it without touching the rest.
 *
 * <p>Every call opens its own {@code ExchangeService} (not thread-safe: one pooled connection and
 * mutable impersonation state) and closes it; EWS failures leave as this package's exceptions,
 * never as ews-java-api types, and never carry a SOAP envelope or a secret in their message.
 * {@link org.corpconnect.exchange.EwsFailures} is the one place of translation, for whole requests
 * (exceptions) and for one mailbox's error inside an answer ({@link org.corpconnect.exchange.MailboxProblem}).
 *
 * <p>Free/busy is always read as the dedicated mailbox itself, FreeBusy view only (never Detailed),
 * whatever the access mode: it needs no impersonation, so 100 users fit one request, and event
 * details never enter the product. Free appointments are left out of the busy intervals.
 * Basic credentials are sent preemptively: one HTTP request per EWS call, not a challenge first.
 */
package org.corpconnect.exchange;
