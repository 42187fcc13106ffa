package org.corpconnect.busytime;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.corpconnect.persistence.ApplicationDataSource;

/**
 * When Exchange asked each account to come back (ErrorServerBusy's BackOffMilliseconds, HTTP 503,
 * a network failure), for the credential generation that was told so: no refresh of that
 * generation sends anything earlier, on whichever instance of a cluster it runs. A new credential
 * starts afresh. Kept on the account's refresh schedule row in the database, since the next refresh
 * may be another instance's; an account without a schedule keeps none.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ExchangeBackOffs {

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    /** Until when the account's credential generation has to wait; empty when it may go on now. */
    public Optional<Instant> pendingUntil(long accountId, long generation, Instant now) {
        return Sql.query(dataSource, "SELECT back_off_until FROM refresh_schedule WHERE account_id = ? "
                + "AND back_off_generation = ? AND back_off_until > ?", s -> {
                    s.setLong(1, accountId);
                    s.setLong(2, generation);
                    s.setObject(3, Sql.utc(now));
                }, r -> Sql.instant(r, 1)).stream().findFirst();
    }

    /** Back-offs of this generation in a row, before the next one is recorded (0 after a good refresh). */
    public int inARow(long accountId, long generation) {
        return Sql.query(dataSource, "SELECT back_offs_in_a_row FROM refresh_schedule WHERE account_id = ? "
                + "AND back_off_generation = ?", s -> {
                    s.setLong(1, accountId);
                    s.setLong(2, generation);
                }, r -> r.getInt(1)).stream().findFirst().orElse(0);
    }

    /**
     * Records a back-off; the number it is in a row. One statement counts on what the row holds, so
     * that parallel requests of one refresh told to back off at once each count.
     */
    public int record(long accountId, long generation, Instant until) {
        Sql.update(dataSource, "UPDATE refresh_schedule SET back_offs_in_a_row = CASE WHEN back_off_generation = ? "
                + "THEN back_offs_in_a_row + 1 ELSE 1 END, back_off_generation = ?, back_off_until = ? WHERE account_id = ?", s -> {
                    s.setLong(1, generation);
                    s.setLong(2, generation);
                    s.setObject(3, Sql.utc(until));
                    s.setLong(4, accountId);
                });
        return Math.max(1, inARow(accountId, generation));
    }

    /** A refresh went through: the next back-off is the first in a row again. */
    public void clear(long accountId, long generation) {
        Sql.update(dataSource, "UPDATE refresh_schedule SET back_off_generation = NULL, back_off_until = NULL, "
                + "back_offs_in_a_row = 0 WHERE account_id = ? AND back_off_generation <= ?", s -> {
                    s.setLong(1, accountId);
                    s.setLong(2, generation);
                });
    }
}
