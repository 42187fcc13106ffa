package org.corpconnect.connection;

import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.DelegatedTokenCache;

/**
 * A connection's delegated sign-in in the database, for one credential generation: read and replaced
 * each time in a short transaction of its own, never one held across a call to Entra ID.
 */
final class StoredTokenCache implements DelegatedTokenCache {

    private final long accountId;
    private final long generation;
    private final Connections connections;

    StoredTokenCache(long accountId, long generation, Connections connections) {
        this.accountId = accountId;
        this.generation = generation;
        this.connections = connections;
    }

    @Override
    public String id() {
        return "account " + accountId + " generation " + generation;
    }

    @Override
    public Secret load() {
        return connections.tokenCache(accountId, generation);
    }

    @Override
    public boolean replace(Secret read, Secret updated) {
        return connections.replaceTokenCache(accountId, generation, read, updated);
    }

    @Override
    public String toString() {
        return id();
    }
}
