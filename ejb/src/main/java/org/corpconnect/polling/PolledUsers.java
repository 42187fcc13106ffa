package org.corpconnect.polling;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.corpconnect.persistence.ApplicationDataSource;
import org.corpconnect.polling.PollPlan.PolledUser;

/**
 * The polled users' rows ({@code calendar_poll}): which users of an account are polled, and when each
 * poll was claimed. Each method is a short transaction of its own, never around a call to Exchange. A
 * claim is one conditional UPDATE per user on the time read, taken in the order of the users' ids: of
 * the cluster members that found a user due, exactly one claims it, and two members' claims never wait
 * on each other in a cycle.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PolledUsers {

    private static final String UNIQUE_VIOLATION = "23505";

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    SessionContext context;

    /**
     * Makes the account's readable users, and only those, polled; a user new to polling was just read
     * (the refresh that found it readable), so its first poll is an interval after {@code now}.
     */
    public void keep(long accountId, Instant now) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement drop = db.prepareStatement("DELETE FROM calendar_poll WHERE account_id = ? AND user_id NOT IN "
                     + "(SELECT id FROM bookable_user WHERE account_id = ? AND access_status = 'OK')");
             PreparedStatement add = db.prepareStatement("INSERT INTO calendar_poll (user_id, account_id, polled_at) "
                     + "SELECT u.id, u.account_id, ? FROM bookable_user u WHERE u.account_id = ? AND u.access_status = 'OK' "
                     + "AND NOT EXISTS (SELECT 1 FROM calendar_poll p WHERE p.user_id = u.id)")) {
            drop.setLong(1, accountId);
            drop.setLong(2, accountId);
            drop.executeUpdate();
            add.setObject(1, utc(now));
            add.setLong(2, accountId);
            add.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not keep the polled users of account " + accountId + ": " + e.getMessage(), e);
            }
            // Another member added them meanwhile: its rows stand.
            context.setRollbackOnly();
        }
    }

    /** The account no longer polls (Exchange pushes its changes, or it is no longer connected). */
    public void forget(long accountId) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement delete = db.prepareStatement("DELETE FROM calendar_poll WHERE account_id = ?")) {
            delete.setLong(1, accountId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stop polling account " + accountId + ": " + e.getMessage(), e);
        }
    }

    /** The account's polled users, with when each was last polled and last read at all. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<PolledUser> ofAccount(long accountId) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("SELECT p.user_id, p.polled_at, u.refreshed_at FROM calendar_poll p "
                     + "JOIN bookable_user u ON u.id = p.user_id WHERE p.account_id = ?")) {
            select.setLong(1, accountId);
            List<PolledUser> users = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    users.add(new PolledUser(rows.getLong(1), instant(rows, 2), Optional.ofNullable(instant(rows, 3))));
                }
            }
            return users;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the polled users of account " + accountId + ": " + e.getMessage(), e);
        }
    }

    /** The accounts that have polled users: those no longer connected are forgotten. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> accounts() {
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("SELECT DISTINCT account_id FROM calendar_poll");
             ResultSet rows = select.executeQuery()) {
            List<Long> accounts = new ArrayList<>();
            while (rows.next()) {
                accounts.add(rows.getLong(1));
            }
            return accounts;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the polled accounts: " + e.getMessage(), e);
        }
    }

    /**
     * Claims the due users' polls for this member: each one whose poll time is still the one read. The
     * users claimed, in the order given (ascending ids).
     */
    public List<Long> claim(List<PolledUser> due, Instant now) {
        if (due.isEmpty()) {
            return List.of();
        }
        try (Connection db = dataSource.getConnection();
             PreparedStatement update = db.prepareStatement("UPDATE calendar_poll SET polled_at = ? WHERE user_id = ? AND polled_at = ?")) {
            for (PolledUser user : due) {
                update.setObject(1, utc(now));
                update.setLong(2, user.userId());
                update.setObject(3, utc(user.polledAt()));
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            List<Long> claimed = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    claimed.add(due.get(i).userId());
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim the due polls: " + e.getMessage(), e);
        }
    }

    /** To the millisecond, so that a time read back compares equal to the one written, in H2 and PostgreSQL alike. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
