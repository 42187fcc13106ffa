package org.corpconnect.credentials;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every stored secret (the {@code exchange_connection} table's credential, and a delegated connection's
 * sign-in, its token cache), re-sealed all at once or
 * not at all: each value is read and re-sealed first, and only if every one could be are they written,
 * each on the condition that it still holds what was read.
 */
public final class StoredSecrets {

    /** One secret that no key at hand could read: its connection's row and account. */
    public record Unreadable(long connectionId, String accountSlug, String reason) {
    }

    /** Some stored secrets could not be read: none was changed. */
    public static final class UnreadableSecrets extends IllegalStateException {
        private final transient List<Unreadable> unreadable;

        UnreadableSecrets(List<Unreadable> unreadable, int total) {
            super(unreadable.size() + " of " + total + " stored secrets cannot be read with the keys given, so none"
                    + " was changed: " + describe(unreadable));
            this.unreadable = List.copyOf(unreadable);
        }

        public List<Unreadable> unreadable() {
            return unreadable;
        }

        private static String describe(List<Unreadable> unreadable) {
            StringBuilder text = new StringBuilder();
            for (Unreadable u : unreadable) {
                text.append("\n  connection ").append(u.connectionId()).append(" of account ").append(u.accountSlug())
                        .append(": ").append(u.reason());
            }
            return text.toString();
        }
    }

    private StoredSecrets() {
    }

    /**
     * @return how many values were rewritten (those already sealed by the current key are not)
     * @throws UnreadableSecrets naming every secret that could not be read; then nothing was written
     */
    public static int reseal(Connection db, SecretRotation rotation) throws SQLException {
        Map<Long, String[]> secretChanges = new LinkedHashMap<>(); // id -> {before, after}
        Map<Long, String[]> tokenCacheChanges = new LinkedHashMap<>();
        List<Unreadable> unreadable = new ArrayList<>();
        int total = 0;
        try (PreparedStatement select = db.prepareStatement("select c.id, a.slug, c.secret_ciphertext,"
                + " c.token_cache_ciphertext from exchange_connection c join account a on a.id = c.account_id order by c.id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                String slug = rows.getString(2);
                total++;
                reseal(id, slug, rows.getString(3), rotation, secretChanges, unreadable, "");
                String tokenCache = rows.getString(4);
                if (tokenCache != null) {
                    total++;
                    reseal(id, slug, tokenCache, rotation, tokenCacheChanges, unreadable, "the mailbox's sign-in: ");
                }
            }
        }
        if (!unreadable.isEmpty()) {
            throw new UnreadableSecrets(unreadable, total);
        }
        // a row changed meanwhile (an admin's new credential, a refreshed sign-in) keeps its new value
        write(db, "secret_ciphertext", secretChanges);
        write(db, "token_cache_ciphertext", tokenCacheChanges);
        return secretChanges.size() + tokenCacheChanges.size();
    }

    private static void reseal(long id, String slug, String before, SecretRotation rotation, Map<Long, String[]> changes,
                               List<Unreadable> unreadable, String what) {
        try {
            String after = rotation.rotate(before);
            if (!after.equals(before)) {
                changes.put(id, new String[] {before, after});
            }
        } catch (UndecryptableSecret e) {
            unreadable.add(new Unreadable(id, slug, what + e.getMessage()));
        }
    }

    /** {@code column} is one of this class's two constants, never input. */
    private static void write(Connection db, String column, Map<Long, String[]> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement update = db.prepareStatement(
                "update exchange_connection set " + column + " = ? where id = ? and " + column + " = ?")) {
            for (Map.Entry<Long, String[]> change : changes.entrySet()) {
                update.setString(1, change.getValue()[1]);
                update.setLong(2, change.getKey());
                update.setString(3, change.getValue()[0]);
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
