package org.corpconnect.it;

/** {@link UsersIT} for an account on EWS. */
class UsersEwsIT extends UsersIT {

    @Override
    Protocol protocol() {
        return Protocol.EWS;
    }
}
