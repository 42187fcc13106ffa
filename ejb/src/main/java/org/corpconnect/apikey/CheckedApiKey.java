package org.corpconnect.apikey;

import java.util.Objects;
import java.util.OptionalLong;
import org.corpconnect.account.Account;

/**
 * An active API key a request was signed with: the key, its account, and the account's data version read in
 * the same statement. Whatever the request reads of the account afterwards is at least that version
 * ({@link org.corpconnect.account.AccountDataVersions}), so an availability answer needs no read of its own.
 *
 * @param dataVersion empty for an account without a version row, whose data no reader may keep
 */
public record CheckedApiKey(long keyId, Account account, OptionalLong dataVersion) {

    public CheckedApiKey {
        Objects.requireNonNull(account);
        Objects.requireNonNull(dataVersion);
    }
}
