package org.corpconnect.it;

/** {@link BusyTimeSyncIT} for an account on Microsoft Graph. */
class BusyTimeSyncGraphIT extends BusyTimeSyncIT {

    @Override
    Protocol protocol() {
        return Protocol.GRAPH;
    }
}
