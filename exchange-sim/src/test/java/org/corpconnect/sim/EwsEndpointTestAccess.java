package org.corpconnect.sim;

/** Lets tests of other packages reuse the endpoint test's sample request. */
public final class EwsEndpointTestAccess {
    public static final String GUA = EwsEndpointTest.GUA;

    private EwsEndpointTestAccess() {
    }
}
