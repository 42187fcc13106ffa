package org.corpconnect.signin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.corpconnect.BusinessException;
import org.corpconnect.account.Account;
import org.corpconnect.account.AccountSlug;
import org.corpconnect.account.Accounts;
import org.corpconnect.audit.AuditEntry.Outcome;
import org.corpconnect.audit.AuditLog;

@Stateless
public class AdminUsers {

    static final int MINIMUM_PASSWORD = 12;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @Inject
    private AdminPasswords passwords;

    @Inject
    private AuditLog audit;

    @Inject
    private Accounts accounts;

    public static class InvalidAdminUser extends BusinessException {
        public InvalidAdminUser(String message) {
            super(message);
        }
    }

    /** A change refused as the rules of the account's admins say (the last admin, a wrong current password). */
    public static class AdminChangeRefused extends BusinessException {
        public AdminChangeRefused(String message) {
            super(message);
        }
    }

    public Optional<AdminUser> find(String username) {
        return em.createNamedQuery("AdminUser.byName", AdminUser.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    /**
     * The user whose password this is, its hash renewed if it was made with fewer iterations than
     * today's; empty for a wrong password and for an unknown name alike, after the same hashing work.
     */
    public Optional<AdminUser> signIn(String username, char[] password) {
        Optional<AdminUser> user = find(username);
        if (user.isEmpty()) {
            passwords.spendAsIfMatching(password);
            return Optional.empty();
        }
        String stored = user.get().passwordHash();
        if (!passwords.matches(password, stored)) {
            return Optional.empty();
        }
        if (passwords.outdated(stored)) {
            user.get().changePasswordHash(passwords.hash(password));
        }
        return user;
    }

    public boolean anyone() {
        return em.createNamedQuery("AdminUser.count", Long.class).getSingleResult() > 0;
    }

    public List<AdminUser> ofAccount(long accountId) {
        return em.createNamedQuery("AdminUser.ofAccount", AdminUser.class).setParameter("accountId", accountId).getResultList();
    }

    public AdminUser createOperator(String username, char[] password) {
        return create(username, password, AdminRole.OPERATOR, null);
    }

    /** A new account with its first admin, in one transaction: neither exists without the other. */
    public AdminUser createAccountWithAdmin(AccountSlug slug, String name, String username, char[] password, String actor) {
        requireValid(username, password);
        Account account = accounts.create(slug, name);
        AdminUser user = create(username, password, AdminRole.ADMIN, account.id());
        audit.recordWithChange(account.id(), actor, "account.created", Outcome.SUCCESS,
                "account " + slug + " with its admin " + user.username());
        return user;
    }

    public AdminUser createAdmin(Account account, String username, char[] password, String actor) {
        AdminUser user = create(username, password, AdminRole.ADMIN, account.id());
        audit.recordWithChange(account.id(), actor, "admin.created", Outcome.SUCCESS, "admin " + user.username());
        return user;
    }

    /**
     * Removes one admin of the account, never its last: under a lock on the account's admin rows, so that
     * two removals at once cannot both count two admins and leave none. Not the account's row: the
     * refusal's audit entry is written in a transaction of its own, whose foreign key check on PostgreSQL
     * would wait for that row's lock, held by this transaction, which waits for it.
     */
    public void removeAdmin(Account account, String username, String actor) {
        List<AdminUser> admins = em.createNamedQuery("AdminUser.ofAccount", AdminUser.class)
                .setParameter("accountId", account.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        AdminUser admin = admins.stream().filter(a -> a.username().equals(username)).findFirst()
                .orElseThrow(() -> new InvalidAdminUser("This account has no admin named " + username + "."));
        if (admins.size() == 1) {
            audit.record(account.id(), actor, "admin.removed", Outcome.REFUSED, "admin " + username + ": the account's last admin");
            throw new AdminChangeRefused(username + " is the last admin of this account and cannot be removed:"
                    + " add another admin first.");
        }
        em.remove(admin);
        audit.recordWithChange(account.id(), actor, "admin.removed", Outcome.SUCCESS, "admin " + username);
    }

    /**
     * An account admin's own new password, given the current one (a session left open is not enough
     * to take the account over); the new one follows the rules of every admin password.
     */
    public void changeOwnPassword(String username, char[] current, char[] replacement) {
        AdminUser user = find(username).filter(u -> u.role() == AdminRole.ADMIN)
                .orElseThrow(() -> new InvalidAdminUser("Only an account's admin changes their password here."));
        long accountId = user.accountId().orElseThrow();
        if (current == null || !passwords.matches(current, user.passwordHash())) {
            audit.record(accountId, username, "admin.password-changed", Outcome.REFUSED, "wrong current password");
            throw new AdminChangeRefused("The current password is wrong; the password was not changed.");
        }
        requireValidPassword(replacement);
        user.changePasswordHash(passwords.hash(replacement));
        audit.recordWithChange(accountId, username, "admin.password-changed", Outcome.SUCCESS, "admin " + username);
    }

    private void requireValid(String username, char[] password) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidAdminUser("A user name is 3 to 100 letters, digits, dots, dashes, underscores or @.");
        }
        requireValidPassword(password);
        if (find(name).isPresent()) {
            throw new InvalidAdminUser("The user name " + name + " is taken.");
        }
    }

    private static void requireValidPassword(char[] password) {
        if (password == null || password.length < MINIMUM_PASSWORD) {
            throw new InvalidAdminUser("A password has at least " + MINIMUM_PASSWORD + " characters.");
        }
    }

    private AdminUser create(String username, char[] password, AdminRole role, Long accountId) {
        requireValid(username, password);
        String name = username.strip();
        AdminUser user = new AdminUser(name, passwords.hash(password), role, accountId, Instant.now(Clock.systemUTC()));
        em.persist(user);
        return user;
    }
}
