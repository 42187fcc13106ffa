package org.corpconnect.credentials;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rotates the master key at start: run once with the new key as {@code CORPCONNECT_MASTER_KEY} and the
 * old one as {@code CORPCONNECT_PREVIOUS_MASTER_KEY} (or the {@code _FILE} variants). Every stored secret
 * is re-encrypted in one transaction; if any of them cannot be read, nothing changes and the
 * application does not start, saying why. Then remove the previous key from the configuration.
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

    @PersistenceContext(unitName = "corpconnect")
    private EntityManager em;

    @PostConstruct
    void rotateIfAsked() {
        if (previousKey.filter(k -> !k.isBlank()).isEmpty() && previousKeyFile.filter(f -> !f.isBlank()).isEmpty()) {
            return;
        }
        var rotation = new SecretRotation(
                new SecretCipher(MasterKeySource.resolve(previousKey, previousKeyFile)),
                new SecretCipher(MasterKeySource.resolve(masterKey, masterKeyFile)));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, secret_ciphertext from exchange_connection").getResultList();
        int changed = 0;
        for (Object[] row : rows) {
            String before = (String) row[1];
            String after = rotation.rotate(before);
            if (!after.equals(before)) {
                em.createNativeQuery("update exchange_connection set secret_ciphertext = ?1 where id = ?2")
                        .setParameter(1, after).setParameter(2, row[0]).executeUpdate();
                changed++;
            }
        }
        // The updates went around JPA: no entity may keep an old ciphertext in the shared cache.
        em.getEntityManagerFactory().getCache().evictAll();
        int total = rows.size();
        int rotated = changed;
        LOG.warning(() -> "Master key rotation: " + rotated + " of " + total + " stored secrets re-encrypted under the"
                + " new key. Remove CORPCONNECT_PREVIOUS_MASTER_KEY(_FILE) from the configuration now.");
    }
}
