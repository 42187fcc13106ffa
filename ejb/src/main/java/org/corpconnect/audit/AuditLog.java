package org.corpconnect.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.corpconnect.audit.AuditEntry.Outcome;

@Stateless
public class AuditLog {

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW) // Kept even when the audited change rolls back.
    public void record(long accountId, String actor, String action, Outcome outcome, String detail) {
        em.persist(new AuditEntry(accountId, Instant.now(Clock.systemUTC()), actor == null ? "system" : actor,
                action, outcome, detail));
    }

    /**
     * For a change that creates the account itself: the entry joins the change's transaction (a new one
     * could not see the account yet) and goes with it if it rolls back.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordWithChange(long accountId, String actor, String action, Outcome outcome, String detail) {
        em.persist(new AuditEntry(accountId, Instant.now(Clock.systemUTC()), actor == null ? "system" : actor,
                action, outcome, detail));
    }

    public List<AuditEntry> recent(long accountId, int max) {
        return em.createNamedQuery("AuditEntry.ofAccount", AuditEntry.class)
                .setParameter("accountId", accountId)
                .setMaxResults(max)
                .getResultList();
    }
}
