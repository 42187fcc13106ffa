package org.corpconnect.account;

import org.corpconnect.BusinessException;

public class AccountAlreadyExists extends BusinessException {

    public AccountAlreadyExists(AccountSlug slug) {
        super("An account with the key '" + slug + "' exists already.");
    }
}
