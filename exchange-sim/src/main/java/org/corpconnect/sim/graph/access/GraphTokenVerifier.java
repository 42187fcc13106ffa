package org.corpconnect.sim.graph.access;

import java.util.Optional;

/**
 * Checks the bearer token of a Graph request. Empty for a token that is unknown, expired, revoked or
 * issued for another audience: Graph answers 401 {@code InvalidAuthenticationToken}.
 */
@FunctionalInterface
public interface GraphTokenVerifier {
    Optional<GraphCaller> verify(String bearerToken);
}
