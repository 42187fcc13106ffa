/**
 * A benchmark of the simulator itself: the time GetUserAvailability takes for 100 mailboxes of a
 * generated organisation, so that the product's own benchmarks can tell the simulator is not their
 * bottleneck. Run with {@code java -cp exchange-sim.jar org.corpconnect.sim.benchmark.AvailabilityBenchmark}.
 */
package org.corpconnect.sim.benchmark;
