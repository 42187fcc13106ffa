package org.corpconnect.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.audit.AuditEntry.Outcome;
import org.corpconnect.audit.AuditLog;
import org.corpconnect.calendar.BusyType;

@Stateless
public class Accounts {

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @Inject
    private AuditLog audit;

    public Account create(AccountSlug slug, String name) {
        if (findBySlug(slug).isPresent()) {
            throw new AccountAlreadyExists(slug);
        }
        Account account = new Account(slug, name, Instant.now(Clock.systemUTC()));
        em.persist(account);
        em.flush(); // The version row refers to the account's, which JPA would not know to insert first.
        em.persist(new AccountDataVersion(account.id()));
        return account;
    }

    public Optional<Account> findBySlug(AccountSlug slug) {
        return em.createNamedQuery("Account.bySlug", Account.class)
                .setParameter("slug", slug.value())
                .getResultStream()
                .findFirst();
    }

    public Optional<Account> find(long accountId) {
        return Optional.ofNullable(em.find(Account.class, accountId));
    }

    /** Which busy types make a slot unavailable for this account's users. */
    public Account blockOn(AccountSlug slug, Set<BusyType> types) {
        Account account = findBySlug(slug).orElseThrow(() -> new InvalidAccount("No account '" + slug + "'."));
        account.blockOn(types);
        return account;
    }

    /** Whether a booking's item deleted in Outlook cancels it, and whether one moved there reschedules it; audited. */
    public Account followOutlook(long accountId, boolean cancelOnDelete, boolean followMoves, String actor) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new InvalidAccount("No account " + accountId + ".");
        }
        if (account.cancelsOnOutlookDelete() != cancelOnDelete || account.followsOutlookMoves() != followMoves) {
            account.followOutlook(cancelOnDelete, followMoves);
            audit.recordWithChange(accountId, actor, "account.outlook-changes", Outcome.SUCCESS, "A booking's item deleted in"
                    + " Outlook " + (cancelOnDelete ? "cancels the booking" : "leaves the booking, flagged") + "; moved in Outlook "
                    + (followMoves ? "reschedules it (within the booking rules)" : "leaves it, flagged") + ".");
        }
        return account;
    }

    public List<Account> all() {
        return em.createNamedQuery("Account.all", Account.class).getResultList();
    }
}
