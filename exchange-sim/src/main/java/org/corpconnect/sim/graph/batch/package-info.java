/**
 * JSON batching ({@code POST /v1.0/$batch}, json-batching.md): at most 20 requests, each run through the
 * same dispatcher as a top-level request (its own throttling, faults, access and log entry); requests
 * without {@code dependsOn} run in parallel, so a batch of more than four requests to one mailbox meets
 * the mailbox concurrency limit as in Exchange Online (a 429 inside a 200); a dependent of a failed
 * request answers 424 Failed Dependency.
 */
package org.corpconnect.sim.graph.batch;
