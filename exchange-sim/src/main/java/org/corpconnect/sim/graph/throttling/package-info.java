/**
 * Graph's Outlook service limits, per application and target mailbox (throttling-limits.md): at most 4
 * concurrent requests and 10,000 requests in any 10 minutes. A throttled request still counts, as
 * Microsoft documents. Over a limit the answer is 429 {@code ApplicationThrottled} with {@code Retry-After}.
 */
package org.corpconnect.sim.graph.throttling;
