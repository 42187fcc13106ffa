package org.corpconnect.credentials;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.corpconnect.persistence.ApplicationDataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Re-seals the stored secrets at start, in one transaction, all or nothing ({@link StoredSecrets}):
 * <ul>
 * <li>rotation: run once with the new key as {@code CORPCONNECT_MASTER_KEY} and the old one as
 * {@code CORPCONNECT_PREVIOUS_MASTER_KEY} (or the {@code _FILE} variants); every secret moves to the new
 * key, then remove the previous key from the configuration;</li>
 * <li>at every start: a value from before the integrity envelope ({@link SecretCipher}) is sealed under
 * the current key, so existing rows are migrated in place.</li>
 * </ul>
 * If any secret cannot be read, nothing changes and the application does not start, naming each one.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "SecretBox"})
public class MasterKeyRotation {

    private static final Logger LOG = Logger.getLogger(MasterKeyRotation.class.getName());

    @Inject
    @ConfigProperty(name = "corpconnect.master-key")
    Optional<String> masterKey;

    @Inject
    @ConfigProperty(name = "corpconnect.master-key-file")
    Optional<String> masterKeyFile;

    @Inject
    @ConfigProperty(name = "corpconnect.previous-master-key")
    Optional<String> previousKey;

    @Inject
    @ConfigProperty(name = "corpconnect.previous-master-key-file")
    Optional<String> previousKeyFile;

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    private DataSource dataSource;

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @PostConstruct
    void resealStoredSecrets() {
        boolean rotating = previousKey.filter(k -> !k.isBlank()).isPresent()
                || previousKeyFile.filter(f -> !f.isBlank()).isPresent();
        SecretCipher current = new SecretCipher(MasterKeySource.resolve(masterKey, masterKeyFile));
        SecretRotation rotation = rotating
                ? new SecretRotation(new SecretCipher(MasterKeySource.resolve(previousKey, previousKeyFile)), current)
                : SecretRotation.sealOnly(current);
        int changed;
        try (Connection db = dataSource.getConnection()) {
            changed = StoredSecrets.reseal(db, rotation);
        } catch (StoredSecrets.UnreadableSecrets e) {
            LOG.severe(() -> (rotating ? "Master key rotation stopped: " : "Stored secrets cannot be read: ")
                    + e.getMessage());
            throw e;
        } catch (SQLException e) {
            throw new IllegalStateException("The stored secrets could not be re-sealed: " + e.getMessage(), e);
        }
        // The updates went around JPA: no entity may keep an old ciphertext in the shared cache.
        em.getEntityManagerFactory().getCache().evictAll();
        int rewritten = changed;
        if (rotating) {
            LOG.warning(() -> "Master key rotation: " + rewritten + " stored secrets re-encrypted under the new key"
                    + " (key id " + current.keyId() + "). Remove CORPCONNECT_PREVIOUS_MASTER_KEY(_FILE) from the"
                    + " configuration now.");
        } else if (rewritten > 0) {
            LOG.info(() -> rewritten + " stored secrets sealed with their key id and integrity tag.");
        }
    }
}
