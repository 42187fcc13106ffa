package org.corpconnect.it;

/** {@link BookingApiIT} for an account on Microsoft Graph. */
class BookingApiGraphIT extends BookingApiIT {

    @Override
    Protocol protocol() {
        return Protocol.GRAPH;
    }
}
