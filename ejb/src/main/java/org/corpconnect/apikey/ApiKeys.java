package org.corpconnect.apikey;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.corpconnect.account.Account;
import org.corpconnect.account.InvalidAccount;
import org.corpconnect.audit.AuditEntry.Outcome;
import org.corpconnect.audit.AuditLog;

@Stateless
public class ApiKeys {

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @Inject
    private AuditLog audit;

    public IssuedApiKey create(Account account, String name, String actor) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100 || cleanName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidAccount("An API key needs a name of at most 100 characters, e.g. the front end that uses it.");
        }
        ApiKeyFormat.Parts parts = ApiKeyFormat.generate();
        ApiKey key = new ApiKey(em.merge(account), cleanName, parts.prefix(), ApiKeyFormat.hash(parts.secret()),
                Instant.now(Clock.systemUTC()));
        em.persist(key);
        audit.record(account.id(), actor, "api-key.created", Outcome.SUCCESS, "key '" + cleanName + "' (" + parts.prefix() + "…)");
        return new IssuedApiKey(key, parts.token());
    }

    /**
     * The active key this token is, with its account and that account's data version; empty for anything else,
     * so that callers cannot tell why. The key's hash and revocation are read from its row every time, never from
     * a cached entity: a key revoked on another instance of a cluster is refused at once.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // Every API request: a read, no transaction of its own.
    public Optional<CheckedApiKey> authenticate(String token) {
        return ApiKeyFormat.parse(token).flatMap(parts -> em.createNamedQuery("ApiKey.check", Object[].class)
                .setParameter("prefix", parts.prefix())
                .getResultStream()
                .findFirst()
                .filter(row -> row[2] == null) // revoked_at
                .filter(row -> ApiKeyFormat.matches(parts.secret(), (String) row[1]))
                .flatMap(row -> Optional.ofNullable(em.find(Account.class, row[3])) // null: removed meanwhile
                        .map(account -> new CheckedApiKey((Long) row[0], account,
                                row[4] == null ? OptionalLong.empty() : OptionalLong.of((Long) row[4])))));
    }

    public List<ApiKey> ofAccount(long accountId) {
        return em.createNamedQuery("ApiKey.ofAccount", ApiKey.class).setParameter("accountId", accountId).getResultList();
    }

    public void revoke(long accountId, long keyId, String actor) {
        ApiKey key = em.find(ApiKey.class, keyId);
        if (key == null || key.account().id() != accountId) {
            throw new ApiKeyNotFound();
        }
        key.revoke(Instant.now(Clock.systemUTC()));
        audit.record(accountId, actor, "api-key.revoked", Outcome.SUCCESS, "key '" + key.name() + "' (" + key.prefix() + "…)");
    }
}
