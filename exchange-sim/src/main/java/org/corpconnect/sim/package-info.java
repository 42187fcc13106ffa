/** The Exchange simulator: {@link org.corpconnect.sim.ExchangeSimulator} (in-process, builder) and {@link org.corpconnect.sim.ExchangeSimulatorMain} (command line). Depends on none of the app's modules; the JDK HTTP server and JAXP carry EWS, so the runtime footprint is one small JSON library. */
package org.corpconnect.sim;
