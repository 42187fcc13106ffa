package org.corpconnect.exchange;

import java.util.Objects;
import java.util.UUID;
import org.corpconnect.credentials.Secret;

/** A sign-in just made, held in memory while it is tested and until its connection stores it. */
public final class SignedInTokenCache implements DelegatedTokenCache {

    private final String id = "sign-in " + UUID.randomUUID();
    private Secret cache;

    public SignedInTokenCache(Secret cache) {
        this.cache = Objects.requireNonNull(cache);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized Secret load() {
        return cache;
    }

    @Override
    public synchronized boolean replace(Secret read, Secret updated) {
        if (!cache.equals(read)) {
            return false;
        }
        cache = Objects.requireNonNull(updated);
        return true;
    }

    @Override
    public String toString() {
        return id;
    }
}
