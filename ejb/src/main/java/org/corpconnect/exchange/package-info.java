/**
 * The Exchange gateway: the product's only door to Exchange, in the product's own terms
 * ({@link org.corpconnect.exchange.ExchangeGateway}). {@link org.corpconnect.exchange.EwsGateway}
 * implements it with ews-java-api, the one package that imports {@code microsoft.exchange.webservices};
 * a Microsoft Graph implementation can replace it without touching the rest.
 *
 * <p>Every call opens its own {@code ExchangeService} (not thread-safe: one pooled connection and
 * mutable impersonation state) and closes it; EWS failures leave as this package's exceptions,
 * never as ews-java-api types, and never carry a SOAP envelope or a secret in their message.
 */
package org.corpconnect.exchange;
