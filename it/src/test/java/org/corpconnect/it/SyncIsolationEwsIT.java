package org.corpconnect.it;

/** {@link SyncIsolationIT} for an account on EWS. */
class SyncIsolationEwsIT extends SyncIsolationIT {

    @Override
    Protocol protocol() {
        return Protocol.EWS;
    }
}
