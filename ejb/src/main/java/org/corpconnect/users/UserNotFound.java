package org.corpconnect.users;

import org.corpconnect.BusinessException;

public class UserNotFound extends BusinessException {

    public UserNotFound() {
        super("No such user in this account.");
    }
}
