package org.corpconnect.it;

/** {@link BookingApiIT} for an account on EWS. */
class BookingApiEwsIT extends BookingApiIT {

    @Override
    Protocol protocol() {
        return Protocol.EWS;
    }
}
