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
 * Every stored secret (the {@code exchange_connection} table's credential and a delegated connection's
 * sign-in, its token cache; each webhook endpoint's signing secret, and its previous one during a
 * rotation), re-sealed all at once or not at all: each value is read and re-sealed first, and only if
 * every one could be are they written, each on the condition that it still holds what was read.
 */
public final class StoredSecrets {

    /** One secret that no key at hand could read: its owner (a connection, a webhook endpoint), row and account. */
    public record Unreadable(String owner, long id, String accountSlug, String reason) {
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
                text.append("\n  ").append(u.owner()).append(' ').append(u.id()).append(" of account ").append(u.accountSlug())
                        .append(": ").append(u.reason());
            }
            return text.toString();
        }
    }

    /** A column of sealed values; its table has {@code id} and {@code account_id}. Constants only, never input. */
    private record SealedColumn(String table, String column, String owner, String what) {
    }

    private static final List<SealedColumn> COLUMNS = List.of(
            new SealedColumn("exchange_connection", "secret_ciphertext", "connection", ""),
            new SealedColumn("exchange_connection", "token_cache_ciphertext", "connection", "the mailbox's sign-in: "),
            new SealedColumn("webhook_endpoint", "secret_ciphertext", "webhook endpoint", "its signing secret: "),
            new SealedColumn("webhook_endpoint", "previous_secret_ciphertext", "webhook endpoint", "its previous signing secret: "));

    private StoredSecrets() {
    }

    /**
     * @return how many values were rewritten (those already sealed by the current key are not)
     * @throws UnreadableSecrets naming every secret that could not be read; then nothing was written
     */
    public static int reseal(Connection db, SecretRotation rotation) throws SQLException {
        Map<SealedColumn, Map<Long, String[]>> changes = new LinkedHashMap<>(); // column -> id -> {before, after}
        List<Unreadable> unreadable = new ArrayList<>();
        int total = 0;
        for (SealedColumn sealed : COLUMNS) {
            Map<Long, String[]> columnChanges = new LinkedHashMap<>();
            changes.put(sealed, columnChanges);
            try (PreparedStatement select = db.prepareStatement("select t.id, a.slug, t." + sealed.column() + " from "
                    + sealed.table() + " t join account a on a.id = t.account_id where t." + sealed.column()
                    + " is not null order by t.id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    total++;
                    reseal(sealed, rows.getLong(1), rows.getString(2), rows.getString(3), rotation, columnChanges, unreadable);
                }
            }
        }
        if (!unreadable.isEmpty()) {
            throw new UnreadableSecrets(unreadable, total);
        }
        // a row changed meanwhile (an admin's new credential, a refreshed sign-in, a rotated secret) keeps its new value
        int written = 0;
        for (Map.Entry<SealedColumn, Map<Long, String[]>> column : changes.entrySet()) {
            write(db, column.getKey(), column.getValue());
            written += column.getValue().size();
        }
        return written;
    }

    private static void reseal(SealedColumn sealed, long id, String slug, String before, SecretRotation rotation,
                               Map<Long, String[]> changes, List<Unreadable> unreadable) {
        try {
            String after = rotation.rotate(before);
            if (!after.equals(before)) {
                changes.put(id, new String[] {before, after});
            }
        } catch (UndecryptableSecret e) {
            unreadable.add(new Unreadable(sealed.owner(), id, slug, sealed.what() + e.getMessage()));
        }
    }

    private static void write(Connection db, SealedColumn sealed, Map<Long, String[]> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement update = db.prepareStatement("update " + sealed.table() + " set " + sealed.column()
                + " = ? where id = ? and " + sealed.column() + " = ?")) {
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
