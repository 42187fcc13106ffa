package org.corpconnect.it;

/** {@link UsersIT} for an account on Microsoft Graph. */
class UsersGraphIT extends UsersIT {

    @Override
    Protocol protocol() {
        return Protocol.GRAPH;
    }
}
