package org.corpconnect.push;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The watches' rows. Each change is its own short transaction, decided on the row as it is now (a
 * row another member removed meanwhile is left alone); none is ever held across a call to Exchange.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WatchedCalendars {

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    /**
     * Claims the user's watch for this member to create. Fails (the transaction rolls back, on the
     * unique key) when another member claimed it first.
     */
    public WatchedCalendar claim(long accountId, long userId, long generation, String secretSha256, Instant now) {
        WatchedCalendar claimed = new WatchedCalendar(accountId, userId, generation, secretSha256, now);
        em.persist(claimed);
        em.flush();
        return claimed;
    }

    public void started(long id, String watchId, Instant expires) {
        Optional.ofNullable(em.find(WatchedCalendar.class, id)).ifPresent(w -> w.started(watchId, expires));
    }

    public void renewed(long id, Instant expires) {
        Optional.ofNullable(em.find(WatchedCalendar.class, id)).ifPresent(w -> w.renewed(expires));
    }

    /** Due for renewal at the keeper's next pass (Exchange asked for it). */
    public void renewSoon(long id) {
        Optional.ofNullable(em.find(WatchedCalendar.class, id)).filter(w -> w.watchId().isPresent())
                .ifPresent(w -> w.renewed(w.claimedAt()));
    }

    public void remove(long id) {
        Optional.ofNullable(em.find(WatchedCalendar.class, id)).ifPresent(em::remove);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<WatchedCalendar> ofAccount(long accountId) {
        return em.createNamedQuery("WatchedCalendar.ofAccount", WatchedCalendar.class)
                .setParameter("accountId", accountId).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<WatchedCalendar> byWatchId(String watchId) {
        return em.createNamedQuery("WatchedCalendar.byWatchId", WatchedCalendar.class)
                .setParameter("watchId", watchId).getResultStream().findFirst();
    }

    /** Accounts that have watches: those of an account no longer connected are stopped too. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> accountsWatched() {
        return em.createNamedQuery("WatchedCalendar.accounts", Long.class).getResultList();
    }
}
