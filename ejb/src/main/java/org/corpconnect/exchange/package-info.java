/**
 * The Exchange gateway: the product's only door to Exchange, in the product's own terms
 * ({@link org.corpconnect.exchange.ExchangeGateway}), with the failures every protocol translates into
 * (this package's exceptions, {@link org.corpconnect.exchange.MailboxProblem}). Nothing above it knows
 * which protocol an account speaks: each protocol lives in a subpackage of its own, the only place that
 * imports that protocol's library ({@link org.corpconnect.exchange.ews} for EWS).
 */
package org.corpconnect.exchange;
