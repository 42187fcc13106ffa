package org.corpconnect.connection;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.corpconnect.account.Account;
import org.corpconnect.credentials.SecretBox;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeGateway;

@Stateless
public class Connections {

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @Inject
    private SecretBox secrets;

    @Inject
    private ExchangeGateway exchange;

    public Optional<ExchangeConnection> findFor(Account account) {
        return em.createNamedQuery("ExchangeConnection.ofAccount", ExchangeConnection.class)
                .setParameter("account", account)
                .getResultStream()
                .findFirst();
    }

    /**
     * Connects the account (or replaces its connection). Unless forced, the settings are tested
     * against Exchange first and a refused credential leaves everything as it was.
     */
    public ExchangeConnection connect(Account account, ConnectionSettings settings, boolean force) {
        Instant now = Instant.now(Clock.systemUTC());
        if (!force) {
            exchange.verify(accessFor(settings, 0));
        }
        String ciphertext = secrets.encrypt(settings.password());
        ExchangeConnection connection = findFor(em.merge(account))
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
            connection.succeeded(now);
        }
        return connection;
    }

    /** What the gateway needs to act for this account now, with the credential decrypted. */
    public ExchangeAccess accessOf(ExchangeConnection connection) {
        var credential = new ExchangeCredential.Password(connection.username(),
                secrets.decrypt(connection.secretCiphertext()), connection.passwordScheme());
        return new ExchangeAccess(connection.ewsUrl(), connection.serviceMailbox(), connection.accessMode(),
                credential, connection.credentialGeneration());
    }

    private static ExchangeAccess accessFor(ConnectionSettings settings, long generation) {
        var credential = new ExchangeCredential.Password(settings.username(), settings.password(),
                settings.passwordScheme());
        return new ExchangeAccess(settings.ewsUrl(), settings.serviceMailbox(), settings.accessMode(),
                credential, generation);
    }
}
