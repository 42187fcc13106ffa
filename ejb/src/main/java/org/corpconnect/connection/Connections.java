package org.corpconnect.connection;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.corpconnect.account.Account;
import org.corpconnect.account.AccountDataVersions;
import org.corpconnect.audit.AuditEntry.Outcome;
import org.corpconnect.audit.AuditLog;
import org.corpconnect.credentials.Secret;
import org.corpconnect.credentials.SecretBox;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeGateway;
import org.corpconnect.webhook.WebhookEventType;
import org.corpconnect.webhook.WebhookOutbox;

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
    private WebhookOutbox webhooks;

    @Inject
    private AccountDataVersions versions;

    @Inject
    private Event<ConnectionRenewed> renewed;

    @Inject
    private Event<ItemNamingChanged> itemNamingChanged;

    @Resource
    private SessionContext self;

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

    /** How many connections have each status (statuses nobody has are left out). */
    public Map<ConnectionStatus, Long> countByStatus() {
        Map<ConnectionStatus, Long> counts = new EnumMap<>(ConnectionStatus.class);
        em.createNamedQuery("ExchangeConnection.countByStatus", Object[].class).getResultList()
                .forEach(row -> counts.put((ConnectionStatus) row[0], (Long) row[1]));
        return counts;
    }

    /**
     * Connects the account, or replaces its connection and credential. Unless forced, the new settings
     * are tested against Exchange first, outside any transaction, and a refused credential leaves the
     * old one in use. Then they are saved in a short transaction, only if the connection is still the
     * one read before the test (another admin's save meanwhile is not overwritten). On success the
     * whole account is renewed at once: the new credential generation makes every earlier one stale.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // The Exchange test holds no transaction.
    public ExchangeConnection connect(Account account, ConnectionSettings entered, boolean force, String actor) {
        Optional<ExchangeConnection> read = findFor(account.id());
        OptionalLong generationRead = read.stream().mapToLong(ExchangeConnection::credentialGeneration).findFirst();
        String action = generationRead.isPresent() ? "connection.credential-changed" : "connection.created";
        ConnectionSettings settings = force ? entered : tested(account, entered, action, actor);
        ExchangeConnection saved = self.getBusinessObject(Connections.class)
                .save(account.id(), generationRead, settings, !force, actor);
        if (read.isPresent() && saved.itemNamingSince() == saved.credentialGeneration()) {
            // Moved between protocols: the new connection has taken over; the items' names follow it.
            itemNamingChanged.fire(new ItemNamingChanged(account.id(), accessOf(read.get()), accessOf(saved)));
        }
        return saved;
    }

    /**
     * Saves the settings if the account's connection is still what {@code generationRead} says (none,
     * or that credential generation), under a lock on the account so that two saves never interleave.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ExchangeConnection save(long accountId, OptionalLong generationRead, ConnectionSettings settings, boolean tested,
                                   String actor) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        Optional<ExchangeConnection> current = lockedConnection(accountId);
        Optional<ConnectionStatus> statusBefore = current.map(ExchangeConnection::status);
        OptionalLong generationNow = current.stream().mapToLong(ExchangeConnection::credentialGeneration).findFirst();
        if (!generationNow.equals(generationRead)) {
            throw new InvalidConnection("Someone else changed this connection while it was being tested; nothing was"
                    + " saved. Look at it again, then save.");
        }
        String ciphertext = secrets.encrypt(settings.secret());
        String tokenCacheCiphertext = settings.tokenCache().map(secrets::encrypt).orElse(null);
        ExchangeConnection connection = current
                .map(existing -> {
                    existing.apply(settings, ciphertext, tokenCacheCiphertext);
                    return existing;
                })
                .orElseGet(() -> {
                    var created = new ExchangeConnection(account, settings, ciphertext, tokenCacheCiphertext);
                    em.persist(created);
                    return created;
                });
        if (tested) {
            connection.succeeded(now());
        }
        statusChanged(accountId, statusBefore, connection.status());
        boolean moved = current.isPresent() && connection.itemNamingSince() == connection.credentialGeneration();
        audit.recordWithChange(accountId, actor, moved ? "connection.protocol-moved"
                        : current.isPresent() ? "connection.credential-changed" : "connection.created",
                Outcome.SUCCESS, describe(settings) + (tested ? "; tested against Exchange" : "; saved without a test (forced)"));
        versions.changed(accountId); // Availability names the connection's status for unreadable users.
        renewed.fire(new ConnectionRenewed(accountId));
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

    /**
     * What the gateway needs to act for this account now, with the credential decrypted; a delegated
     * sign-in is read from the database when the gateway needs it, and written back there.
     */
    public ExchangeAccess accessOf(ExchangeConnection connection) {
        long accountId = connection.account().id();
        StoredTokenCache tokenCache = new StoredTokenCache(accountId, connection.credentialGeneration(),
                self.getBusinessObject(Connections.class));
        return new ExchangeAccess(connection.endpoint(), connection.serviceMailbox(), connection.accessMode(),
                connection.credential(secrets.decrypt(connection.secretCiphertext()), tokenCache),
                connection.credentialGeneration());
    }

    /**
     * The delegated sign-in stored for this credential generation.
     *
     * @throws NotConnected when the credential was replaced meanwhile (or is not delegated)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Secret tokenCache(long accountId, long generation) {
        return em.createNamedQuery("ExchangeConnection.tokenCache", String.class)
                .setParameter("accountId", accountId)
                .setParameter("generation", generation)
                .getResultStream()
                .filter(Objects::nonNull)
                .findFirst()
                .map(secrets::decrypt)
                .orElseThrow(NotConnected::new);
    }

    /**
     * Stores a refreshed sign-in over the one it started from, in one conditional update: nothing when the
     * stored one is no longer {@code read} (another refresh stored a newer one) or the credential was replaced.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean replaceTokenCache(long accountId, long generation, Secret read,
                                     Secret updated) {
        Optional<String> stored = em.createNamedQuery("ExchangeConnection.tokenCache", String.class)
                .setParameter("accountId", accountId)
                .setParameter("generation", generation)
                .getResultStream()
                .filter(Objects::nonNull)
                .findFirst();
        if (stored.isEmpty() || !secrets.decrypt(stored.get()).equals(read)) {
            return false;
        }
        return em.createNamedQuery("ExchangeConnection.replaceTokenCache")
                .setParameter("updated", secrets.encrypt(updated))
                .setParameter("accountId", accountId)
                .setParameter("generation", generation)
                .setParameter("read", stored.get())
                .executeUpdate() == 1;
    }

    /*
     * Status writes are single conditional updates: they land only on the credential generation they
     * were decided for, so a late answer about an old credential never marks a newly saved one. A
     * rejected credential keeps its status until a new one is saved.
     */

    /** Exchange refused this credential generation; a newer one, saved meanwhile, is left alone. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRejected(long accountId, long generation, String detail) {
        if (writeStatus(accountId, generation, ConnectionStatus.CREDENTIAL_REJECTED, detail) == 1) {
            audit.recordWithChange(accountId, "system", "connection.credential-rejected", Outcome.FAILED, detail);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordTrouble(long accountId, long generation, ConnectionStatus status, String detail) {
        writeStatus(accountId, generation, status, detail);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordSuccess(long accountId, long generation) {
        writeStatus(accountId, generation, ConnectionStatus.HEALTHY, null);
    }

    /**
     * The number of connections changed: 1, or 0 when the generation is not the current one (or was rejected).
     * The row is locked first, so that the status it had is the one this update replaces (for the webhook).
     */
    private int writeStatus(long accountId, long generation, ConnectionStatus status, String detail) {
        Optional<ConnectionStatus> before = lockedConnection(accountId).map(ExchangeConnection::status);
        var update = status == ConnectionStatus.HEALTHY
                ? em.createNamedQuery("ExchangeConnection.succeeded")
                : em.createNamedQuery("ExchangeConnection.failed")
                        .setParameter("status", status)
                        .setParameter("detail", ExchangeConnection.statusDetail(detail));
        int changed = update.setParameter("accountId", accountId)
                .setParameter("generation", generation)
                .setParameter("rejected", ConnectionStatus.CREDENTIAL_REJECTED)
                .setParameter("at", now())
                .executeUpdate();
        if (changed == 1) {
            statusChanged(accountId, before, status);
            // Availability names a troubled connection's status, detail and time; a success after a success changes none of them.
            if (status != ConnectionStatus.HEALTHY || !before.equals(Optional.of(ConnectionStatus.HEALTHY))) {
                versions.changed(accountId);
            }
        }
        return changed;
    }

    /** The account's connection, its row locked: its status is the one the caller's change replaces. */
    private Optional<ExchangeConnection> lockedConnection(long accountId) {
        return em.createNamedQuery("ExchangeConnection.ofAccount", ExchangeConnection.class)
                .setParameter("accountId", accountId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /** A status that changed is a webhook event, in the transaction that records it. */
    private void statusChanged(long accountId, Optional<ConnectionStatus> before, ConnectionStatus after) {
        if (before.isPresent() && before.get() != after) {
            webhooks.record(accountId, WebhookEventType.CONNECTION_STATUS_CHANGED, Json.createObjectBuilder()
                    .add("status", after.name())
                    .add("previousStatus", before.get().name())
                    .build());
        }
    }

    private static String describe(ConnectionSettings settings) {
        String credential;
        if (settings.credential() instanceof ExchangeCredential.Password password) {
            credential = "password (" + password.scheme() + ")";
        } else if (settings.credential() instanceof ExchangeCredential.OAuthApp app) {
            credential = "OAuth app " + app.clientId();
        } else if (settings.credential() instanceof ExchangeCredential.GraphDelegated delegated) {
            credential = "Graph delegated: the dedicated mailbox signed in to the app " + delegated.clientId()
                    + (delegated.appSecret() instanceof ExchangeCredential.AppSecret.ClientCertificate
                    ? " (app with a certificate)" : " (app with a client secret)");
        } else {
            var app = (ExchangeCredential.GraphApp) settings.credential();
            credential = "Graph app " + app.clientId() + (app.appSecret() instanceof ExchangeCredential.AppSecret.ClientCertificate
                    ? " with a certificate" : " with a client secret")
                    + app.appSecret().expires().map(d -> " expiring " + d).orElse("");
        }
        return "mailbox " + settings.serviceMailbox() + ", " + settings.accessMode() + ", " + credential + ", "
                + settings.endpoint();
    }

    private static Instant now() {
        return Instant.now(Clock.systemUTC());
    }

    private static ExchangeAccess accessFor(ConnectionSettings settings) {
        // Generation 0: a credential being tested is never one whose tokens were cached.
        return new ExchangeAccess(settings.endpoint(), settings.serviceMailbox(), settings.accessMode(),
                settings.credential(), 0);
    }
}
