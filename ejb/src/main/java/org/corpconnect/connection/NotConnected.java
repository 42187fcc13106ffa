package org.corpconnect.connection;

import org.corpconnect.BusinessException;

public class NotConnected extends BusinessException {

    public NotConnected() {
        super("This account has no Exchange connection yet.");
    }
}
