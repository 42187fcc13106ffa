/**
 * The JAX-RS facade the booking front end calls. Resources are request-scoped CDI beans (so that
 * EJBs from the ejb module are injected into them) and every failure leaves as
 * {@code application/problem+json} through one mapper. Before a resource runs, the API key is
 * checked and rate-limited (per key, per account, booking changes per account, wrong keys per client
 * address: 429 with {@code Retry-After}); every answer is marked no-store and nosniff. Request and
 * answer bodies are records mapped by JSON-B (a request body read by {@code JsonBodyReader}, which
 * names the wrong field); their OpenAPI annotations make {@code /openapi} describe every body, every
 * status and the problem types of each ({@code OpenApiFilter} puts right what Payara's generator
 * writes wrong).
 */
package org.corpconnect.rest;
