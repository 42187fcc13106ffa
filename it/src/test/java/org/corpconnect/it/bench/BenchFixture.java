package org.corpconnect.it.bench;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.corpconnect.account.Account;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.NewUser;
import org.corpconnect.users.Users;

/**
 * Bench-only data access inside the server: users added in one transaction per call (the users service
 * one by one would be one transaction per user), counts the benches need, and the clean-up that keeps the
 * shared integration-test database from carrying a 10,000-user account into other runs.
 */
@Stateless
public class BenchFixture {

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @Resource
    private SessionContext self;

    @Inject
    private BusyTimeSync sync;

    @Inject
    private Users users;

    public void addUsers(Account account, List<String> addresses) {
        addresses.forEach(a -> users.add(account, new NewUser(new MailboxAddress(a), null, ZoneId.of("Europe/Berlin"))));
    }

    /** Users of the account whose busy time was stored and whose access was checked at or after the instant. */
    public long syncedSince(long accountId, Instant since) {
        return em.createQuery("select count(u) from BookableUser u where u.account.id = :account"
                        + " and u.refreshedAt >= :since and u.accessCheckedAt >= :since", Long.class)
                .setParameter("account", accountId).setParameter("since", since).getSingleResult();
    }

    public long intervalsOf(long accountId) {
        return em.createQuery("select count(i) from StoredBusyInterval i where i.userId in"
                        + " (select u.id from BookableUser u where u.account.id = :account)", Long.class)
                .setParameter("account", accountId).getSingleResult();
    }

    /**
     * Marks every user's access as checked at the instant: with it ahead of the clock, no check is due at the
     * next refresh, as after a recent check with the default recheck interval (360 minutes).
     */
    public void accessCheckedAt(long accountId, Instant at) {
        em.createQuery("update BookableUser u set u.accessCheckedAt = :at where u.account.id = :account")
                .setParameter("at", at).setParameter("account", accountId).executeUpdate();
    }

    /**
     * Spreads the users' last access checks as they are in an account refreshed for a while: one refresh's
     * share checked at each of the last refreshes over the recheck interval (and half an interval more), so
     * that those due now are the share a normal refresh checks, about N x interval / recheck.
     */
    public void spreadAccessChecks(long accountId, Instant now, Duration recheck, Duration interval) {
        List<Long> ids = userIdsOf(accountId);
        int refreshes = (int) (recheck.toMillis() / interval.toMillis()) + 1;
        for (int k = 0; k < refreshes; k++) {
            int refresh = k;
            List<Long> checked = IntStream.range(0, ids.size()).filter(i -> i % refreshes == refresh).mapToObj(ids::get).toList();
            Instant at = now.minus(interval.multipliedBy(k)).minus(interval.dividedBy(2));
            for (int i = 0; i < checked.size(); i += 1000) {
                // SQL, not JPQL: EclipseLink matches a JPQL bulk update's "id in" list against every cached user
                // (with 100,000 users cached, ScaleBench's spread took over 10 minutes); the class is evicted below.
                em.createNativeQuery("UPDATE bookable_user SET access_checked_at = ? WHERE id IN ("
                                + String.join(",", checked.subList(i, Math.min(checked.size(), i + 1000)).stream().map(String::valueOf).toList()) + ")")
                        .setParameter(1, at.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC)).executeUpdate();
            }
        }
        em.getEntityManagerFactory().getCache().evict(BookableUser.class);
    }

    public List<Long> userIdsOf(long accountId) {
        return em.createQuery("select u.id from BookableUser u where u.account.id = :account", Long.class)
                .setParameter("account", accountId).getResultList();
    }

    /** Users of these accounts whose busy time was stored at or after the instant. */
    public long refreshedSince(List<Long> accountIds, Instant since) {
        return em.createQuery("select count(u) from BookableUser u where u.account.id in :accounts and u.refreshedAt >= :since",
                        Long.class)
                .setParameter("accounts", accountIds).setParameter("since", since).getSingleResult();
    }

    /**
     * Every one of these accounts' scheduled refreshes due at the instant, as after a restart of the only server.
     * In whole milliseconds, as the application writes it (a due time with microseconds was never claimed until
     * {@code Sql.asRead}: this bench found that).
     */
    public void dueAt(List<Long> accountIds, Instant at) {
        em.createNativeQuery("UPDATE refresh_schedule SET due_at = ? WHERE account_id IN ("
                        + String.join(",", accountIds.stream().map(String::valueOf).toList()) + ")")
                .setParameter(1, at.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    /** Removes the users and their busy time (the database cascades), in one transaction per call. */
    public void removeUsers(List<Long> userIds) {
        em.createQuery("delete from StoredBusyInterval i where i.userId in :ids").setParameter("ids", userIds).executeUpdate();
        em.createQuery("delete from BookableUser u where u.id in :ids").setParameter("ids", userIds).executeUpdate();
    }

    /**
     * The bench account goes again, so that later runs on this domain never refresh its users: off the schedule,
     * without its connection, its users removed {@code chunk} to a transaction.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void removeAccountData(long accountId, int chunk) {
        BenchFixture transactional = self.getBusinessObject(BenchFixture.class);
        sync.unschedule(accountId);
        transactional.removeConnection(accountId);
        List<Long> ids = transactional.userIdsOf(accountId);
        for (int i = 0; i < ids.size(); i += chunk) {
            transactional.removeUsers(ids.subList(i, Math.min(ids.size(), i + chunk)));
        }
    }

    /** Polls a count (not the users themselves, which would load the server being measured). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void awaitSynced(long accountId, int userCount, Instant since, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (syncedSince(accountId, since) < userCount) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not every user of account " + accountId + " synced within " + timeout);
            }
            Thread.sleep(500);
        }
    }

    /** Without its connection the account is never refreshed again, not even by a later deployment's timers. */
    public void removeConnection(long accountId) {
        em.createQuery("delete from ExchangeConnection c where c.account.id = :account")
                .setParameter("account", accountId).executeUpdate();
    }
}
