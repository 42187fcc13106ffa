/**
 * The contract between the simulated Entra ID (who signed in, with which permissions) and the
 * simulated Graph API (what that caller may do to which calendar). Entra's side implements
 * {@link org.corpconnect.sim.graph.access.GraphTokenVerifier} and
 * {@link org.corpconnect.sim.graph.access.CalendarAccessPolicy}; the Graph endpoints only ask them.
 */
package org.corpconnect.sim.graph.access;
