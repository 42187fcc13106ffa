package org.corpconnect.exchange;

import org.corpconnect.credentials.Secret;

/**
 * Where the dedicated mailbox's delegated sign-in is kept: MSAL's serialized token cache (refresh token
 * included, so a secret). Refresh tokens rotate, so the cache changes at each refresh and is written
 * back, only over the cache the refresh started from: two refreshes at once never lose the newer one.
 * Two kinds exist: a sign-in just made, in memory until its connection is saved, and a stored one.
 */
public interface DelegatedTokenCache {

    /** Names one sign-in (account and credential generation): the gateway keeps one MSAL application for each. */
    String id();

    /** The cache as it is stored now. */
    Secret load();

    /**
     * Stores {@code updated} if the stored cache is still {@code read}; false, storing nothing, when
     * another refresh stored a newer cache meanwhile (or the credential was replaced).
     */
    boolean replace(Secret read, Secret updated);
}
