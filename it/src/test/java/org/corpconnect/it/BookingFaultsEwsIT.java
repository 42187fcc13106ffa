package org.corpconnect.it;

/** {@link BookingFaultsIT} for an account on EWS. */
class BookingFaultsEwsIT extends BookingFaultsIT {

    @Override
    Protocol protocol() {
        return Protocol.EWS;
    }
}
