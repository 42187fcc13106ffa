/**
 * The JAX-RS facade the booking front end calls. Resources are request-scoped CDI beans (so that
 * EJBs from the ejb module are injected into them) and every failure leaves as
 * {@code application/problem+json} through one mapper. Before a resource runs, the API key is
 * checked and rate-limited (per key, per account, booking changes per account, wrong keys per client
 * address: 429 with {@code Retry-After}); every answer is marked no-store and nosniff.
 */
package org.corpconnect.rest;
