package org.corpconnect.users;

import org.corpconnect.BusinessException;

public class InvalidUser extends BusinessException {

    public InvalidUser(String message) {
        super(message);
    }
}
