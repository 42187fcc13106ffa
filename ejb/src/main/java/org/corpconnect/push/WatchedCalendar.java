package org.corpconnect.push;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A user's calendar watched by Exchange for the product: claimed (no watch id yet) while a member
 * creates the watch, then its id and expiry. The secret token only as its SHA-256.
 */
@Entity
@Table(name = "calendar_watch")
@Cacheable(false) // Written by every cluster member: always read from the database.
@NamedQuery(name = "WatchedCalendar.ofAccount",
        query = "select w from WatchedCalendar w where w.accountId = :accountId order by w.id")
@NamedQuery(name = "WatchedCalendar.byWatchId", query = "select w from WatchedCalendar w where w.watchId = :watchId")
@NamedQuery(name = "WatchedCalendar.accounts", query = "select distinct w.accountId from WatchedCalendar w")
public class WatchedCalendar {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendar_watch_seq")
    @SequenceGenerator(name = "calendar_watch_seq", sequenceName = "calendar_watch_seq", allocationSize = 50)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(nullable = false, updatable = false)
    private long generation;

    @Column(name = "watch_id", length = 200)
    private String watchId;

    @Column(name = "secret_sha256", nullable = false, length = 64, updatable = false)
    private String secretSha256;

    @Column(name = "claimed_at", nullable = false, updatable = false)
    private Instant claimedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected WatchedCalendar() {
    }

    WatchedCalendar(long accountId, long userId, long generation, String secretSha256, Instant claimedAt) {
        this.accountId = accountId;
        this.userId = userId;
        this.generation = generation;
        this.secretSha256 = secretSha256;
        this.claimedAt = claimedAt;
    }

    void started(String watchId, Instant expiresAt) {
        this.watchId = watchId;
        this.expiresAt = expiresAt;
    }

    void renewed(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public long userId() {
        return userId;
    }

    /** The credential generation the watch was created with: another credential's app may not renew it. */
    public long generation() {
        return generation;
    }

    /** Empty while being created. */
    public Optional<String> watchId() {
        return Optional.ofNullable(watchId);
    }

    String secretSha256() {
        return secretSha256;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    @Override
    public String toString() {
        return "watch " + (watchId == null ? "(being created)" : watchId) + " of user " + userId + " (account "
                + accountId + "), expires " + expiresAt;
    }
}
