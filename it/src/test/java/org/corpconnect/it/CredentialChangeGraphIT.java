package org.corpconnect.it;

/** {@link CredentialChangeIT} for an account on Microsoft Graph (an app and its client secret). */
class CredentialChangeGraphIT extends CredentialChangeIT {

    @Override
    Protocol protocol() {
        return Protocol.GRAPH;
    }
}
