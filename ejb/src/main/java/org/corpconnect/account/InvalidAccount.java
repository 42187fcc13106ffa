package org.corpconnect.account;

import org.corpconnect.BusinessException;

public class InvalidAccount extends BusinessException {

    public InvalidAccount(String message) {
        super(message);
    }
}
