/** Injected misbehaviour for tests and benchmarks: the per-account concurrency budget (ErrorServerBusy with BackOffMilliseconds), latency, HTTP 503, dropped connections and commit-then-drop. */
package org.corpconnect.sim.faults;
