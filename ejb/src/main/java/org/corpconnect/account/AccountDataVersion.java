package org.corpconnect.account;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** The row {@link AccountDataVersions} raises and reads; never an object anyone changes. */
@Entity
@Table(name = "account_data_version")
@Cacheable(false) // Raised by bulk updates, read on every availability request: always the database's value.
@NamedQuery(name = "AccountDataVersion.raise",
        query = "update AccountDataVersion v set v.version = v.version + 1 where v.accountId = :accountId")
@NamedQuery(name = "AccountDataVersion.of",
        query = "select v.version from AccountDataVersion v where v.accountId = :accountId")
public class AccountDataVersion {

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Column(nullable = false)
    private long version;

    protected AccountDataVersion() {
        // for JPA
    }

    AccountDataVersion(long accountId) {
        this.accountId = accountId;
    }
}
