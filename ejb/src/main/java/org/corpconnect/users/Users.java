package org.corpconnect.users;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.corpconnect.account.Account;
import org.corpconnect.account.AccountDataVersions;
import org.corpconnect.calendar.MailboxAddress;

@Stateless
public class Users {

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @Inject
    private AccountDataVersions versions;

    public BookableUser add(Account account, NewUser user) {
        if (find(account.id(), user.address()).isPresent()) {
            throw new UserAlreadyExists(user.address());
        }
        var created = new BookableUser(em.merge(account), user.address(), user.displayName(), user.timeZone());
        em.persist(created);
        versions.changed(account.id());
        return created;
    }

    public List<BookableUser> ofAccount(long accountId) {
        return em.createNamedQuery("BookableUser.ofAccount", BookableUser.class)
                .setParameter("accountId", accountId)
                .getResultList();
    }

    /** The account's users among these addresses (those that are none are left out): one query, no transaction. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<BookableUser> withAddresses(long accountId, Collection<MailboxAddress> addresses) {
        return em.createNamedQuery("BookableUser.byAddresses", BookableUser.class)
                // The rows as read now, not this instance's cached users: another instance of a cluster may have refreshed them.
                .setHint("jakarta.persistence.cache.storeMode", CacheStoreMode.REFRESH)
                .setParameter("accountId", accountId)
                .setParameter("addresses", addresses.stream().map(MailboxAddress::value).toList())
                .getResultList();
    }

    public Optional<BookableUser> find(long accountId, MailboxAddress address) {
        return em.createNamedQuery("BookableUser.byAddress", BookableUser.class)
                .setParameter("accountId", accountId)
                .setParameter("address", address.value())
                .getResultStream()
                .findFirst();
    }

    /** Only within the account: another account's user is as absent as one that never existed. */
    public BookableUser get(long accountId, long userId) {
        BookableUser user = em.find(BookableUser.class, userId);
        if (user == null || user.account().id() != accountId) {
            throw new UserNotFound();
        }
        return user;
    }

    /** Removes the user and, by the database's cascade, their busy time. Bookings are kept. */
    public void remove(long accountId, long userId) {
        em.remove(get(accountId, userId));
        versions.changed(accountId);
    }
}
