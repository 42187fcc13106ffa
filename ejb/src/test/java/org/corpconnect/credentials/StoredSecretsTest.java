package org.corpconnect.credentials;

import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.jasypt.encryption.pbe.PooledPBEStringEncryptor;
import org.jasypt.iv.RandomIvGenerator;
import org.jasypt.salt.RandomSaltGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Re-sealing every stored secret on a real database: H2 in memory with the application's own migrations,
 * and jasypt itself. With 1,000 secrets the rotation makes thousands of PBE derivations: the ciphers here
 * derive with {@value #ITERATIONS} iterations instead of the product's 10,000, the only difference.
 */
class StoredSecretsTest {

    private static final int SECRETS = 1_000;
    private static final String OLD_KEY = "the-old-master-key-123";
    private static final String NEW_KEY = "the-new-master-key-456";
    private static final int ITERATIONS = 1_000;

    private final SecretCipher oldKey = cipher(OLD_KEY);
    private final SecretCipher newKey = cipher(NEW_KEY);

    private static SecretCipher cipher(String key) {
        return new SecretCipher(key.toCharArray(), ITERATIONS);
    }
    private Connection db;

    @BeforeEach
    void migrate() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        db = DriverManager.getConnection(url, "sa", "");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void aWrongPreviousKeyReportsEverySecretAndChangesNone() throws SQLException {
        Map<Long, String> plain = store(oldKey);
        Map<Long, String> before = stored();
        SecretRotation wrong = new SecretRotation(cipher("not-the-old-master-key"), newKey);

        var failure = assertThrows(StoredSecrets.UnreadableSecrets.class, () -> StoredSecrets.reseal(db, wrong));

        assertEquals(SECRETS, failure.unreadable().size());
        assertEquals(plain.keySet(), failure.unreadable().stream().map(StoredSecrets.Unreadable::id)
                .collect(java.util.stream.Collectors.toSet()));
        assertTrue(failure.getMessage().contains("account org-7:"), "names the account");
        assertEquals(before, stored(), "nothing changed");
    }

    @Test
    void theRightPreviousKeyMovesEverySecret() throws SQLException {
        Map<Long, String> plain = store(oldKey);

        assertEquals(SECRETS, StoredSecrets.reseal(db, new SecretRotation(oldKey, newKey)));

        Map<Long, String> after = stored();
        after.forEach((id, value) -> {
            assertEquals(plain.get(id), newKey.decrypt(value).reveal());
            assertThrows(UndecryptableSecret.class, () -> oldKey.decrypt(value));
        });
        // A second run (e.g. the previous key left in the configuration) changes nothing.
        assertEquals(0, StoredSecrets.reseal(db, new SecretRotation(oldKey, newKey)));
        assertEquals(after, stored());
    }

    @Test
    void oneSecretUnderAThirdKeyStopsTheRotationNamingIt() throws SQLException {
        store(oldKey);
        long odd = stored().keySet().iterator().next();
        update(odd, cipher("some-third-master-key").encrypt(Secret.of("x")));
        Map<Long, String> before = stored();

        var failure = assertThrows(StoredSecrets.UnreadableSecrets.class,
                () -> StoredSecrets.reseal(db, new SecretRotation(oldKey, newKey)));

        assertEquals(1, failure.unreadable().size());
        assertEquals(odd, failure.unreadable().get(0).id());
        assertEquals(before, stored());
    }

    @Test
    void valuesFromBeforeTheEnvelopeAreSealedInPlace() throws SQLException {
        PooledPBEStringEncryptor legacy = new PooledPBEStringEncryptor(); // as the application stored them until now
        legacy.setPoolSize(2);
        legacy.setAlgorithm(SecretCipher.ALGORITHM);
        legacy.setSaltGenerator(new RandomSaltGenerator());
        legacy.setIvGenerator(new RandomIvGenerator());
        legacy.setKeyObtentionIterations(ITERATIONS);
        legacy.setPassword(NEW_KEY);
        Map<Long, String> plain = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            plain.put(insert(i, legacy.encrypt("Legacy-Pa55-" + i)), "Legacy-Pa55-" + i);
        }

        assertEquals(20, StoredSecrets.reseal(db, SecretRotation.sealOnly(newKey)));

        stored().forEach((id, value) -> {
            assertTrue(newKey.sealedByThisKey(value), value);
            assertEquals(plain.get(id), newKey.decrypt(value).reveal());
        });
        assertEquals(0, StoredSecrets.reseal(db, SecretRotation.sealOnly(newKey)));
    }

    @Test
    void aDamagedValueIsReportedAtStartWithoutARotation() throws SQLException {
        long good = insert(0, newKey.encrypt(Secret.of("Good-Pa55")));
        String sealed = newKey.encrypt(Secret.of("Other-Pa55"));
        String damaged = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        long bad = insert(1, damaged);

        var failure = assertThrows(StoredSecrets.UnreadableSecrets.class,
                () -> StoredSecrets.reseal(db, SecretRotation.sealOnly(newKey)));

        assertEquals(java.util.List.of(bad), failure.unreadable().stream().map(StoredSecrets.Unreadable::id).toList());
        assertTrue(failure.getMessage().contains("damaged"), failure.getMessage());
        assertEquals("Good-Pa55", newKey.decrypt(stored().get(good)).reveal());
    }

    @Test
    void aDelegatedSignInMovesWithItsSecretOrNothingMovesWhenItCannotBeRead() throws SQLException {
        long plain = insert(0, oldKey.encrypt(Secret.of("Password-0")));
        long delegated = insert(1, oldKey.encrypt(Secret.of("App-Secret-1")));
        setTokenCache(delegated, oldKey.encrypt(Secret.of("{\"RefreshToken\":{}}")));
        long broken = insert(2, oldKey.encrypt(Secret.of("App-Secret-2")));
        setTokenCache(broken, cipher("some-third-master-key").encrypt(Secret.of("{}")));
        Map<Long, String> secretsBefore = stored();

        var failure = assertThrows(StoredSecrets.UnreadableSecrets.class,
                () -> StoredSecrets.reseal(db, new SecretRotation(oldKey, newKey)));
        assertEquals(java.util.List.of(broken), failure.unreadable().stream().map(StoredSecrets.Unreadable::id).toList());
        assertTrue(failure.getMessage().contains("sign-in"), failure.getMessage());
        assertEquals(secretsBefore, stored(), "no secret moved either");

        setTokenCache(broken, oldKey.encrypt(Secret.of("{}")));
        assertEquals(5, StoredSecrets.reseal(db, new SecretRotation(oldKey, newKey)));
        assertEquals("{\"RefreshToken\":{}}", newKey.decrypt(tokenCache(delegated)).reveal());
        assertEquals("{}", newKey.decrypt(tokenCache(broken)).reveal());
        assertEquals("Password-0", newKey.decrypt(stored().get(plain)).reveal());
        assertNull(tokenCache(plain), "a password connection has no sign-in");
    }

    @Test
    void webhookSigningSecretsMoveWithTheOthersOrNothingMoves() throws SQLException {
        long connection = insert(0, oldKey.encrypt(Secret.of("Password-0")));
        try (PreparedStatement endpoint = db.prepareStatement("insert into webhook_endpoint (id, account_id, url,"
                + " secret_ciphertext, previous_secret_ciphertext, previous_secret_until, created_at)"
                + " values (7, 1, 'https://hooks.example.com/in', ?, ?, current_timestamp, current_timestamp)")) {
            endpoint.setString(1, oldKey.encrypt(Secret.of("whsec_current")));
            endpoint.setString(2, cipher("some-third-master-key").encrypt(Secret.of("whsec_previous")));
            endpoint.executeUpdate();
        }

        var failure = assertThrows(StoredSecrets.UnreadableSecrets.class,
                () -> StoredSecrets.reseal(db, new SecretRotation(oldKey, newKey)));
        assertEquals(java.util.List.of(7L), failure.unreadable().stream().map(StoredSecrets.Unreadable::id).toList());
        assertTrue(failure.getMessage().contains("webhook endpoint 7 of account org-0: its previous signing secret"),
                failure.getMessage());
        assertEquals("Password-0", oldKey.decrypt(stored().get(connection)).reveal(), "the connection's secret did not move either");

        try (PreparedStatement repair = db.prepareStatement("update webhook_endpoint set previous_secret_ciphertext = ?")) {
            repair.setString(1, oldKey.encrypt(Secret.of("whsec_previous")));
            repair.executeUpdate();
        }
        assertEquals(3, StoredSecrets.reseal(db, new SecretRotation(oldKey, newKey)));
        try (Statement s = db.createStatement();
             ResultSet row = s.executeQuery("select secret_ciphertext, previous_secret_ciphertext from webhook_endpoint")) {
            assertTrue(row.next());
            assertEquals("whsec_current", newKey.decrypt(row.getString(1)).reveal());
            assertEquals("whsec_previous", newKey.decrypt(row.getString(2)).reveal());
        }
    }

    private void setTokenCache(long id, String ciphertext) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(
                "update exchange_connection set token_cache_ciphertext = ? where id = ?")) {
            update.setString(1, ciphertext);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    private String tokenCache(long id) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(
                "select token_cache_ciphertext from exchange_connection where id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    /** {@value #SECRETS} connections, each with its own secret under {@code key}; returns id -> plaintext. */
    private Map<Long, String> store(SecretCipher key) throws SQLException {
        String[] secrets = IntStream.range(0, SECRETS).mapToObj(i -> "Secret-" + i + "-" + UUID.randomUUID())
                .toArray(String[]::new);
        String[] sealed = IntStream.range(0, SECRETS).parallel()
                .mapToObj(i -> key.encrypt(Secret.of(secrets[i]))).toArray(String[]::new);
        Map<Long, String> plain = new LinkedHashMap<>();
        for (int i = 0; i < SECRETS; i++) {
            plain.put(insert(i, sealed[i]), secrets[i]);
        }
        return plain;
    }

    private long insert(int i, String ciphertext) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("insert into account (id, slug, name, created_at) values (" + (i + 1) + ", 'org-" + i
                    + "', 'Org " + i + "', current_timestamp)");
        }
        try (PreparedStatement insert = db.prepareStatement("insert into exchange_connection (id, account_id, ews_url,"
                + " service_mailbox, access_mode, password_scheme, username, secret_ciphertext, credential_generation,"
                + " status) values (?, ?, 'https://mail.example.com/EWS/Exchange.asmx', 'svc@example.com',"
                + " 'IMPERSONATION', 'BASIC', 'svc@example.com', ?, 1, 'HEALTHY')")) {
            insert.setLong(1, 1000 + i);
            insert.setLong(2, i + 1);
            insert.setString(3, ciphertext);
            insert.executeUpdate();
        }
        return 1000 + i;
    }

    private void update(long id, String ciphertext) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(
                "update exchange_connection set secret_ciphertext = ? where id = ?")) {
            update.setString(1, ciphertext);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    private Map<Long, String> stored() throws SQLException {
        Map<Long, String> values = new LinkedHashMap<>();
        try (Statement s = db.createStatement();
             ResultSet rows = s.executeQuery("select id, secret_ciphertext from exchange_connection order by id")) {
            while (rows.next()) {
                values.put(rows.getLong(1), rows.getString(2));
            }
        }
        return values;
    }
}
