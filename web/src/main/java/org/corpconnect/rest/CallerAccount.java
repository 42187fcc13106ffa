package org.corpconnect.rest;

import jakarta.enterprise.context.RequestScoped;
import org.corpconnect.account.Account;
import org.corpconnect.apikey.ApiKey;

/** The account whose API key signed the current request; every resource works inside it only. */
@RequestScoped
public class CallerAccount {

    private Account account;
    private long keyId;

    void authenticated(ApiKey key) {
        this.account = key.account();
        this.keyId = key.id();
    }

    public Account get() {
        if (account == null) {
            throw new IllegalStateException("No API key was checked for this request.");
        }
        return account;
    }

    long keyId() {
        get();
        return keyId;
    }
}
