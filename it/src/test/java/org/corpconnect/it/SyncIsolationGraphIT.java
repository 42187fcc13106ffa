package org.corpconnect.it;

/** {@link SyncIsolationIT} for an account on Microsoft Graph. */
class SyncIsolationGraphIT extends SyncIsolationIT {

    @Override
    Protocol protocol() {
        return Protocol.GRAPH;
    }
}
