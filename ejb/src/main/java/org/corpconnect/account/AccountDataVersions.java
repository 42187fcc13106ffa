package org.corpconnect.account;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * Which version of an account's data an availability answer was made from. Every change of what such
 * an answer is made of (users, busy time, access statuses, bookings, the connection's status) raises
 * the account's version in its own transaction, so a reader that read version v before its data, and
 * finds v again, knows nothing it read has changed since.
 *
 * <p>The raise is the last statement of a change: it locks the version row until the commit, and
 * taking that lock last, after the user and booking rows, keeps every writer's lock order the same
 * (a transaction of many changes, such as an import of users, holds it from its first change on).
 */
@Stateless
public class AccountDataVersions {

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    /**
     * Raises the version, in the caller's transaction (rolled back with it); once per transaction, so
     * that adding thousands of users in one costs one update, not one each.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void changed(long accountId) {
        String raised = AccountDataVersions.class.getName() + ":" + accountId;
        if (transaction.getResource(raised) == null) {
            em.createNamedQuery("AccountDataVersion.raise").setParameter("accountId", accountId).executeUpdate();
            transaction.putResource(raised, Boolean.TRUE);
        }
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void changed(Collection<Long> accountIds) {
        accountIds.stream().distinct().sorted().forEach(this::changed); // Sorted: two writers lock in one order.
    }

    /** The version now; empty for an account without one, whose data no reader may keep. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public OptionalLong current(long accountId) {
        return em.createNamedQuery("AccountDataVersion.of", Long.class).setParameter("accountId", accountId)
                .getResultStream().mapToLong(Long::longValue).findFirst();
    }
}
