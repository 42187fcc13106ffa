package org.corpconnect.it;

/** {@link BookingFaultsIT} for an account on Microsoft Graph. */
class BookingFaultsGraphIT extends BookingFaultsIT {

    @Override
    Protocol protocol() {
        return Protocol.GRAPH;
    }
}
