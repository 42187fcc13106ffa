package org.corpconnect.busytime;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.corpconnect.persistence.ApplicationDataSource;

/**
 * The accounts' refresh schedule and the claims on it, in the database that every instance of a
 * cluster shares ({@code refresh_schedule}). An instance refreshes an account only while it holds the
 * account's claim, taken by one conditional UPDATE on what it read (the due time, and no live claim):
 * of two instances that try at once exactly one gets it, so a due refresh runs once in all and two
 * refreshes of an account never overlap. A claim is a lease: its holder renews it while the refresh
 * runs, and one whose holder died lapses for another instance to take; only the holder's release moves
 * the account's next due time on, so a due refresh whose holder died is still due.
 *
 * <p>Each method is a transaction of its own, committed before it returns: a claim is visible to the
 * other instances at once, and nothing is held while Exchange is called.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RefreshClaims {

    /**
     * An account's refresh held by {@code holder} since {@code claimedAt}; {@code dueAt} is the due time
     * it read when it took it.
     */
    public record Claim(long accountId, Instant dueAt, String holder, Instant claimedAt) {

        /** Whether the refresh serves the scheduled one: it was due when it was claimed. */
        public boolean due() {
            return !dueAt.isAfter(claimedAt);
        }
    }

    private static final String FREE = "(claimed_until IS NULL OR claimed_until <= ?)";

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    /** Gives the account a schedule, its first refresh due at the time given, unless it has one; idempotent. */
    public void schedule(long accountId, Instant firstDue) {
        if (nextDue(accountId).isPresent()) {
            return;
        }
        try (Connection db = dataSource.getConnection();
             PreparedStatement insert = db.prepareStatement("INSERT INTO refresh_schedule (account_id, due_at) "
                     + "SELECT id, ? FROM account WHERE id = ?")) {
            insert.setObject(1, Sql.utc(firstDue));
            insert.setLong(2, accountId);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!Sql.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not schedule the refresh of account " + accountId, e);
            }
            // Another instance scheduled it meanwhile: its schedule stands.
        }
    }

    public void unschedule(long accountId) {
        Sql.update(dataSource, "DELETE FROM refresh_schedule WHERE account_id = ?", s -> s.setLong(1, accountId));
    }

    /** When the account's next scheduled refresh is due; empty when it has no schedule. */
    public Optional<Instant> nextDue(long accountId) {
        return Sql.query(dataSource, "SELECT due_at FROM refresh_schedule WHERE account_id = ?", s -> s.setLong(1, accountId),
                r -> Sql.instant(r, 1)).stream().findFirst();
    }

    /** Whether any instance holds a live claim on the account's refresh. */
    public boolean claimed(long accountId, Instant now) {
        return !Sql.query(dataSource, "SELECT account_id FROM refresh_schedule WHERE account_id = ? AND claimed_until > ?", s -> {
            s.setLong(1, accountId);
            s.setObject(2, Sql.utc(now));
        }, r -> r.getLong(1)).isEmpty();
    }

    /** Claims every refresh that is due and free: the ones this instance is to run now. */
    public List<Claim> claimDue(String holder, Instant now, Duration lease) {
        List<Claim> due = Sql.query(dataSource, "SELECT account_id, due_at FROM refresh_schedule WHERE due_at <= ? AND " + FREE
                + " ORDER BY due_at", s -> {
                    s.setObject(1, Sql.utc(now));
                    s.setObject(2, Sql.utc(now));
                }, r -> new Claim(r.getLong(1), Sql.instant(r, 2), holder, now));
        return due.stream().filter(c -> take(c, now, lease)).toList();
    }

    /** Claims the account's refresh whether it is due or not ("refresh now"); empty while another holds it. */
    public Optional<Claim> claim(long accountId, String holder, Instant now, Duration lease) {
        return nextDue(accountId).map(due -> new Claim(accountId, due, holder, now)).filter(c -> take(c, now, lease));
    }

    /** Extends the holder's lease; false when the claim is no longer the holder's (it lapsed and was taken). */
    public boolean renew(Claim claim, Instant now, Duration lease) {
        return Sql.update(dataSource, "UPDATE refresh_schedule SET claimed_until = ? WHERE account_id = ? AND due_at = ? AND claimed_by = ?",
                s -> {
                    s.setObject(1, Sql.utc(now.plus(lease)));
                    s.setLong(2, claim.accountId());
                    s.setObject(3, Sql.asRead(claim.dueAt()));
                    s.setString(4, claim.holder());
                }) == 1;
    }

    /**
     * The holder's refresh ended: the claim is released and, if the refresh served the due one (it read
     * every user, and the refresh was due when claimed), the next is due an interval later (the first
     * time on the interval's grid after now: an interval missed while no instance ran is not made up).
     * False when the claim was no longer the holder's: whoever took it over moves the schedule on.
     */
    public boolean release(Claim claim, boolean servedDue, Instant now, Duration interval) {
        Instant next = servedDue ? nextOnGrid(claim.dueAt(), now, interval) : claim.dueAt();
        return Sql.update(dataSource, "UPDATE refresh_schedule SET due_at = ?, claimed_by = NULL, claimed_until = NULL "
                + "WHERE account_id = ? AND due_at = ? AND claimed_by = ?", s -> {
                    s.setObject(1, Sql.utc(next));
                    s.setLong(2, claim.accountId());
                    s.setObject(3, Sql.asRead(claim.dueAt()));
                    s.setString(4, claim.holder());
                }) == 1;
    }

    /** Lets the claim go without moving the schedule: the refresh was not run, and stays due for whoever claims it next. */
    public void giveUp(Claim claim) {
        Sql.update(dataSource, "UPDATE refresh_schedule SET claimed_by = NULL, claimed_until = NULL WHERE account_id = ? AND due_at = ? "
                + "AND claimed_by = ?", s -> {
                    s.setLong(1, claim.accountId());
                    s.setObject(2, Sql.asRead(claim.dueAt()));
                    s.setString(3, claim.holder());
                });
    }

    /** Records a refresh that ran (whatever its claim's fate), and forgets the account's runs older than {@code keep}. */
    public void recordRun(RefreshResult run, Optional<Instant> servedDue, String runBy, Duration keep) {
        Sql.update(dataSource, "INSERT INTO refresh_run (account_id, due_at, run_by, started_at, took_ms, requests_sent, users_refreshed, "
                + "users_failed, access_checks, stopped_because) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
                    s.setLong(1, run.accountId());
                    if (servedDue.isPresent()) {
                        s.setObject(2, Sql.asRead(servedDue.get()));
                    } else {
                        s.setNull(2, Types.TIMESTAMP_WITH_TIMEZONE);
                    }
                    s.setString(3, runBy);
                    s.setObject(4, Sql.utc(run.startedAt()));
                    s.setLong(5, run.took().toMillis());
                    s.setInt(6, run.requestsSent());
                    s.setInt(7, run.usersRefreshed());
                    s.setInt(8, run.usersFailed());
                    s.setInt(9, run.accessChecks());
                    s.setString(10, run.stoppedBecause().map(r -> r.length() > 1000 ? r.substring(0, 1000) : r).orElse(null));
                });
        Sql.update(dataSource, "DELETE FROM refresh_run WHERE account_id = ? AND started_at < ?", s -> {
            s.setLong(1, run.accountId());
            s.setObject(2, Sql.utc(run.startedAt().minus(keep)));
        });
    }

    /** The account's last refreshes, newest first, whichever instance ran them. */
    public List<RefreshResult> recentRuns(long accountId, int limit) {
        return Sql.query(dataSource, "SELECT started_at, took_ms, requests_sent, users_refreshed, users_failed, access_checks, "
                + "stopped_because FROM refresh_run WHERE account_id = ? ORDER BY started_at DESC", s -> {
                    s.setLong(1, accountId);
                    s.setMaxRows(limit);
                }, r -> new RefreshResult(accountId, Sql.instant(r, 1), Duration.ofMillis(r.getLong(2)), r.getInt(3),
                        r.getInt(4), r.getInt(5), r.getInt(6), Optional.ofNullable(r.getString(7)), Optional.empty()));
    }

    /** The first time after {@code now} that lies a whole number of intervals after {@code due}. */
    static Instant nextOnGrid(Instant due, Instant now, Duration interval) {
        long passed = Duration.between(due, now).toMillis() / interval.toMillis();
        return due.plus(interval.multipliedBy(passed + 1));
    }

    private boolean take(Claim claim, Instant now, Duration lease) {
        return Sql.update(dataSource, "UPDATE refresh_schedule SET claimed_by = ?, claimed_until = ? WHERE account_id = ? AND due_at = ? AND "
                + FREE, s -> {
                    s.setString(1, claim.holder());
                    s.setObject(2, Sql.utc(now.plus(lease)));
                    s.setLong(3, claim.accountId());
                    s.setObject(4, Sql.asRead(claim.dueAt()));
                    s.setObject(5, Sql.utc(now));
                }) == 1;
    }

}
