package org.corpconnect.connection;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.corpconnect.account.Account;
import org.corpconnect.audit.AuditEntry.Outcome;
import org.corpconnect.audit.AuditLog;
import org.corpconnect.credentials.SecretBox;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeGateway;

@Stateless
public class Connections {

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @Inject
    private SecretBox secrets;

    @Inject
    private ExchangeGateway exchange;

    @Inject
    private AuditLog audit;

    @Inject
    private Event<ConnectionRenewed> renewed;

    public Optional<ExchangeConnection> findFor(Account account) {
        return findFor(account.id());
    }

    public Optional<ExchangeConnection> findFor(long accountId) {
        return em.createNamedQuery("ExchangeConnection.ofAccount", ExchangeConnection.class)
                .setParameter("accountId", accountId)
                .getResultStream()
                .findFirst();
    }

    public List<ExchangeConnection> all() {
        return em.createNamedQuery("ExchangeConnection.all", ExchangeConnection.class).getResultList();
    }

    /**
     * Connects the account, or replaces its connection and credential. Unless forced, the new settings
     * are tested against Exchange first, and a refused credential leaves the old one in use. On success
     * the whole account is renewed at once: the new credential generation makes every earlier one stale.
     */
    public ExchangeConnection connect(Account account, ConnectionSettings entered, boolean force, String actor) {
        String action = findFor(account.id()).isPresent() ? "connection.credential-changed" : "connection.created";
        ConnectionSettings settings = force ? entered : tested(account, entered, action, actor);
        String ciphertext = secrets.encrypt(settings.secret());
        ExchangeConnection connection = findFor(account.id())
                .map(existing -> {
                    existing.apply(settings, ciphertext);
                    return existing;
                })
                .orElseGet(() -> {
                    var created = new ExchangeConnection(em.merge(account), settings, ciphertext);
                    em.persist(created);
                    return created;
                });
        if (!force) {
            connection.succeeded(now());
        }
        audit.record(account.id(), actor, action, Outcome.SUCCESS,
                describe(settings) + (force ? "; saved without a test (forced)" : "; tested against Exchange"));
        renewed.fire(new ConnectionRenewed(account.id()));
        return connection;
    }

    /** The settings as Exchange accepted them: a password refused with Basic may have got in with NTLM. */
    private ConnectionSettings tested(Account account, ConnectionSettings entered, String action, String actor) {
        try {
            return entered.withCredential(exchange.verified(accessFor(entered)));
        } catch (ExchangeException refused) {
            audit.record(account.id(), actor, action, Outcome.REFUSED,
                    describe(entered) + "; Exchange refused it: " + refused.getMessage());
            throw refused;
        }
    }

    /** What the gateway needs to act for this account now, with the credential decrypted. */
    public ExchangeAccess accessOf(ExchangeConnection connection) {
        return new ExchangeAccess(connection.ewsUrl(), connection.serviceMailbox(), connection.accessMode(),
                connection.credential(secrets.decrypt(connection.secretCiphertext())), connection.credentialGeneration());
    }

    /** Exchange refused this credential generation; a newer one, saved meanwhile, is left alone. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRejected(long accountId, long generation, String detail) {
        findFor(accountId)
                .filter(c -> c.credentialGeneration() == generation)
                .ifPresent(c -> {
                    c.failed(ConnectionStatus.CREDENTIAL_REJECTED, detail, now());
                    audit.record(accountId, "system", "connection.credential-rejected", Outcome.FAILED, detail);
                });
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordTrouble(long accountId, long generation, ConnectionStatus status, String detail) {
        findFor(accountId)
                .filter(c -> c.credentialGeneration() == generation && c.status() != ConnectionStatus.CREDENTIAL_REJECTED)
                .ifPresent(c -> c.failed(status, detail, now()));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordSuccess(long accountId, long generation) {
        findFor(accountId)
                .filter(c -> c.credentialGeneration() == generation && c.status() != ConnectionStatus.CREDENTIAL_REJECTED)
                .ifPresent(c -> c.succeeded(now()));
    }

    private static String describe(ConnectionSettings settings) {
        String credential = settings.credential() instanceof ExchangeCredential.OAuthApp app
                ? "OAuth app " + app.clientId()
                : "password (" + ((ExchangeCredential.Password) settings.credential()).scheme() + ")";
        return "mailbox " + settings.serviceMailbox() + ", " + settings.accessMode() + ", " + credential + ", "
                + settings.ewsUrl();
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }

    private static ExchangeAccess accessFor(ConnectionSettings settings) {
        // Generation 0: a credential being tested is never one whose tokens were cached.
        return new ExchangeAccess(settings.ewsUrl(), settings.serviceMailbox(), settings.accessMode(),
                settings.credential(), 0);
    }
}
