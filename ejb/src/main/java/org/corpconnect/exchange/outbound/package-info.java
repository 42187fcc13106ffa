/**
 * Which hosts the server may call on an account admin's behalf: every URL an admin can type (the EWS
 * URL, the token endpoint, the Autodiscover URL) and every URL those lead to (Autodiscover's guesses
 * from the mailbox's domain, redirects) is checked against the operator's allow-list
 * ({@code exchange.allowed-hosts}, {@code exchange.plain-http-hosts}) <em>after</em> name resolution,
 * on the very address the connection then uses: a name cannot pass the check and then resolve to
 * another address (DNS rebinding).
 *
 * <p>The policy knows no protocol library: each protocol's gateway (EWS today, Graph later) plugs
 * {@link org.corpconnect.exchange.outbound.OutboundPolicy#checkConnection} into the place where its
 * HTTP client opens a socket, and the admin pages call
 * {@link org.corpconnect.exchange.outbound.OutboundPolicy#checkUrl} when a URL is saved. A refusal and
 * a failed call read the same to the admin ({@link org.corpconnect.exchange.outbound.OutboundRefused#SENTENCE}):
 * the server must not become a port scanner of the network it runs in.
 */
package org.corpconnect.exchange.outbound;
