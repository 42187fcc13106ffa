/**
 * Microsoft Graph v1.0 at {@code /v1.0}, over the same directory and calendars as the EWS endpoint. The
 * endpoint ({@link org.corpconnect.sim.graph.GraphEndpoint}) does what every Graph request shares: the
 * {@code request-id}/{@code client-request-id} headers, the caller from its bearer token, OData errors in
 * Graph's shape and the request log; {@link org.corpconnect.sim.graph.GraphDispatcher} runs one request
 * (top-level or inside a {@code $batch}) through routing, the per-app-and-mailbox throttle, the fault
 * rules, the access policy and, in test mode, the schema check of its bodies. The resources live in the
 * feature packages beside this one.
 */
package org.corpconnect.sim.graph;
