/**
 * Webhooks to the integrating app: an account's endpoints, the events they receive
 * ({@link org.corpconnect.webhook.WebhookEventType}), and their at-least-once delivery.
 *
 * <p>How nothing is lost or sent for a change that did not happen: an event is written by
 * {@link org.corpconnect.webhook.WebhookOutbox} in the very transaction of the change that causes it,
 * one row per endpoint of the account (the outbox, which then is the delivery log). The persistent
 * {@link org.corpconnect.webhook.WebhookDispatch} timer claims a due row in a short transaction of its
 * own, calls the endpoint with no transaction open, and records the outcome only if it still holds the
 * claim; a claim whose holder died lapses, and the row is sent again. So a receiver may get an event
 * twice, never none: it de-duplicates by the event id, in the body and the {@code Webhook-Id} header.
 *
 * <p>Each request is signed ({@link org.corpconnect.webhook.WebhookSignature}) with the endpoint's
 * secret, stored sealed like every secret and shown once; during a rotation with the previous one too.
 * Endpoint URLs pass the operator's outbound allow-list ({@code exchange.allowed-hosts}) when saved,
 * and every connection is checked again on the address it connects to
 * ({@link org.corpconnect.exchange.outbound.CheckedSockets}). Failures are retried with exponential
 * back-off ({@link org.corpconnect.webhook.RetrySchedule}) until {@code webhooks.retry-hours}, then the
 * row is FAILED.
 */
package org.corpconnect.webhook;
