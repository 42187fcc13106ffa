package org.corpconnect.account;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.calendar.BusyType;

@Stateless
public class Accounts {

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    public Account create(AccountSlug slug, String name) {
        if (findBySlug(slug).isPresent()) {
            throw new AccountAlreadyExists(slug);
        }
        Account account = new Account(slug, name, Instant.now(Clock.systemUTC()));
        em.persist(account);
        return account;
    }

    public Optional<Account> findBySlug(AccountSlug slug) {
        return em.createNamedQuery("Account.bySlug", Account.class)
                .setParameter("slug", slug.value())
                .getResultStream()
                .findFirst();
    }

    /** Which busy types make a slot unavailable for this account's users. */
    public Account blockOn(AccountSlug slug, Set<BusyType> types) {
        Account account = findBySlug(slug).orElseThrow(() -> new InvalidAccount("No account '" + slug + "'."));
        account.blockOn(types);
        return account;
    }

    public List<Account> all() {
        return em.createNamedQuery("Account.all", Account.class).getResultList();
    }
}
