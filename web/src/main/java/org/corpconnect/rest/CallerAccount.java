package org.corpconnect.rest;

import jakarta.enterprise.context.RequestScoped;
import java.util.OptionalLong;
import org.corpconnect.account.Account;
import org.corpconnect.apikey.CheckedApiKey;

/** The account whose API key signed the current request; every resource works inside it only. */
@RequestScoped
public class CallerAccount {

    private Account account;
    private long keyId;
    private OptionalLong dataVersion;

    void authenticated(CheckedApiKey key) {
        this.account = key.account();
        this.keyId = key.keyId();
        this.dataVersion = key.dataVersion();
    }

    public Account get() {
        if (account == null) {
            throw new IllegalStateException("No API key was checked for this request.");
        }
        return account;
    }

    /** The account's data version, read with the key before anything the request reads of the account. */
    public OptionalLong dataVersion() {
        get();
        return dataVersion;
    }

    long keyId() {
        get();
        return keyId;
    }
}
