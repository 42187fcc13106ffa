package org.corpconnect.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "audit_entry")
@NamedQuery(name = "AuditEntry.ofAccount",
        query = "select e from AuditEntry e where e.accountId = :accountId order by e.at desc, e.id desc")
public class AuditEntry {

    /** WARNING: nothing failed yet, but something will unless someone acts (a secret about to expire). */
    public enum Outcome { SUCCESS, REFUSED, FAILED, WARNING }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, length = 200, updatable = false)
    private String actor;

    @Column(nullable = false, length = 100, updatable = false)
    private String action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private Outcome outcome;

    @Column(length = 1000, updatable = false)
    private String detail;

    protected AuditEntry() {
        // for JPA
    }

    AuditEntry(long accountId, Instant at, String actor, String action, Outcome outcome, String detail) {
        this.accountId = accountId;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.outcome = outcome;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }
}
