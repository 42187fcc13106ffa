package org.corpconnect.push;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.corpconnect.persistence.ApplicationDataSource;

/**
 * Which cluster member holds an account's streaming connections ({@code stream_lease}): taken by one
 * conditional UPDATE (or the first INSERT) when free or lapsed, renewed by its holder, released when it
 * stops. Each method commits before it returns, so the other members see it at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StreamLeases {

    private static final String UNIQUE_VIOLATION = "23505";

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    /** Takes or renews the account's lease for {@code holder}; false while another member holds it. */
    public boolean hold(long accountId, String holder, Instant now, Duration lease) {
        try (Connection db = dataSource.getConnection()) {
            try (PreparedStatement update = db.prepareStatement("UPDATE stream_lease SET held_by = ?, held_until = ? "
                    + "WHERE account_id = ? AND (held_by = ? OR held_until <= ?)")) {
                update.setString(1, holder);
                update.setObject(2, utc(now.plus(lease)));
                update.setLong(3, accountId);
                update.setString(4, holder);
                update.setObject(5, utc(now));
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO stream_lease (account_id, held_by, held_until) "
                    + "SELECT id, ?, ? FROM account WHERE id = ? AND NOT EXISTS (SELECT 1 FROM stream_lease WHERE account_id = ?)")) {
                insert.setString(1, holder);
                insert.setObject(2, utc(now.plus(lease)));
                insert.setLong(3, accountId);
                insert.setLong(4, accountId);
                return insert.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false; // another member took it at the same moment
            }
            throw new IllegalStateException("Could not take the streaming lease of account " + accountId, e);
        }
    }

    /** Lets the lease go at once, so that another member takes the account over without waiting for it to lapse. */
    public void release(long accountId, String holder) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement delete = db.prepareStatement("DELETE FROM stream_lease WHERE account_id = ? AND held_by = ?")) {
            delete.setLong(1, accountId);
            delete.setString(2, holder);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release the streaming lease of account " + accountId, e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
