package org.corpconnect.connection;

import org.corpconnect.BusinessException;

/**
 * The account's credential was rejected by Exchange: nothing uses it again until the admin enters a
 * new one, so that retries can never lock the dedicated mailbox out.
 */
public class ConnectionPaused extends BusinessException {

    public ConnectionPaused() {
        super("Exchange rejected the dedicated mailbox's credential; it is not used again until an admin"
                + " enters a new one.");
    }
}
