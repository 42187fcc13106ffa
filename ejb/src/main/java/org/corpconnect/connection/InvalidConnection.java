package org.corpconnect.connection;

import org.corpconnect.BusinessException;

public class InvalidConnection extends BusinessException {

    public InvalidConnection(String message) {
        super(message);
    }
}
