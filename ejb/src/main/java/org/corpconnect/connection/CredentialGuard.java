package org.corpconnect.connection;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per account, the newest credential generation Exchange has rejected. Checked before
 * every request, in memory, so that parallel work stops the moment one request sees a 401 (the
 * database status follows, for restarts and for the pages).
 */
@ApplicationScoped
public class CredentialGuard {

    private final Map<Long, Long> rejectedGeneration = new ConcurrentHashMap<>();

    public boolean isRejected(long accountId, long generation) {
        Long rejected = rejectedGeneration.get(accountId);
        return rejected != null && rejected >= generation;
    }

    public void rejected(long accountId, long generation) {
        rejectedGeneration.merge(accountId, generation, Math::max);
    }
}
