/** The control API: JSON over HTTP under /control, protected by its own bearer token, for tests, the demo and benchmarks. It offers the same things as the typed Java accessors of ExchangeSimulator. */
package org.corpconnect.sim.control;
