package org.corpconnect.it;

/** {@link BusyTimeSyncIT} for an account on EWS. */
class BusyTimeSyncEwsIT extends BusyTimeSyncIT {

    @Override
    Protocol protocol() {
        return Protocol.EWS;
    }
}
