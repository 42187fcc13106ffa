package org.corpconnect.apikey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.corpconnect.account.Account;

@Entity
@Table(name = "api_key")
// One statement per API request: the key's row, its account, and the account's data version (ApiKeys.authenticate).
@NamedQuery(name = "ApiKey.check", query = "select k.id, k.keyHash, k.revokedAt, k.accountId, v.version from ApiKey k"
        + " left join AccountDataVersion v on v.accountId = k.accountId where k.prefix = :prefix")
@NamedQuery(name = "ApiKey.ofAccount", query = "select k from ApiKey k where k.account.id = :accountId order by k.createdAt desc")
public class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_key_seq")
    @SequenceGenerator(name = "api_key_seq", sequenceName = "api_key_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    /** The same column, for the key check's join (EclipseLink joins {@code account} itself for {@code account.id}). */
    @Column(name = "account_id", insertable = false, updatable = false)
    private Long accountId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 20, updatable = false)
    private String prefix;

    @Column(name = "key_hash", nullable = false, length = 64, updatable = false)
    private String keyHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
        // for JPA
    }

    ApiKey(Account account, String name, String prefix, String keyHash, Instant createdAt) {
        this.account = account;
        this.name = name;
        this.prefix = prefix;
        this.keyHash = keyHash;
        this.createdAt = createdAt;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    String keyHash() {
        return keyHash;
    }

    public Long id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public String name() {
        return name;
    }

    /** The visible start of the key, to tell keys apart in lists. */
    public String prefix() {
        return prefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    @Override
    public String toString() {
        return "ApiKey[" + prefix + "…]";
    }
}
