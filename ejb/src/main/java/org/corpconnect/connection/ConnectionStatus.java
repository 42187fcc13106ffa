package org.corpconnect.connection;

public enum ConnectionStatus {
    /** Saved without a test against Exchange (the admin forced it), or not used yet. */
    UNTESTED,
    HEALTHY,
    /** Exchange refused the credential: it is not used again until the admin enters a new one. */
    CREDENTIAL_REJECTED,
    UNREACHABLE,
    THROTTLED,
    /** Exchange answers, but the last refresh could read no user's busy time (e.g. the URL is not EWS). */
    FAILING
}
