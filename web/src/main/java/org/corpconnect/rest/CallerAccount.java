package org.corpconnect.rest;

import jakarta.enterprise.context.RequestScoped;
import org.corpconnect.account.Account;

/** The account whose API key signed the current request; every resource works inside it only. */
@RequestScoped
public class CallerAccount {

    private Account account;

    void authenticated(Account account) {
        this.account = account;
    }

    public Account get() {
        if (account == null) {
            throw new IllegalStateException("No API key was checked for this request.");
        }
        return account;
    }
}
