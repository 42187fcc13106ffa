package org.corpconnect.busytime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corpconnect.persistence.MigratedDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The refresh claims on a real database (H2 in memory, the application's own migrations), as two
 * instances sharing it use them: each instance is a {@link RefreshClaims} of its own with its own
 * holder name, on the same database.
 */
class RefreshClaimsTest {

    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final long ACCOUNT = 50;

    private final RefreshClaims claims = new RefreshClaims();
    private Connection keepAlive;

    @BeforeEach
    void migrate() throws SQLException {
        JdbcDataSource h2 = MigratedDatabase.fresh();
        keepAlive = h2.getConnection();
        try (Statement s = keepAlive.createStatement()) {
            s.executeUpdate("INSERT INTO account (id, slug, name, created_at) VALUES (" + ACCOUNT
                    + ", 'org', 'Org', CURRENT_TIMESTAMP)");
        }
        claims.dataSource = h2;
        claims.schedule(ACCOUNT, T0);
    }

    @AfterEach
    void close() throws SQLException {
        keepAlive.close();
    }

    @Test
    void aScheduleIsMadeOnceWhoeverAsks() {
        claims.schedule(ACCOUNT, T0.plus(INTERVAL));

        assertEquals(Optional.of(T0), claims.nextDue(ACCOUNT), "the first schedule stands");
    }

    @Test
    void aDueTimeWithMicrosecondsIsClaimedAndServed() throws SQLException {
        // Not written by this class (which writes whole milliseconds): an operator's UPDATE, a restored dump.
        Instant due = T0.plusNanos(123_456_000);
        try (Statement s = keepAlive.createStatement()) {
            s.executeUpdate("UPDATE refresh_schedule SET due_at = TIMESTAMP WITH TIME ZONE '2026-12-07 09:00:00.123456+00'"
                    + " WHERE account_id = " + ACCOUNT);
        }

        List<RefreshClaims.Claim> claimed = claims.claimDue("a", T0.plusSeconds(1), LEASE);

        assertEquals(List.of(due), claimed.stream().map(RefreshClaims.Claim::dueAt).toList());
        assertTrue(claims.release(claimed.get(0), true, T0.plusSeconds(2), INTERVAL), "served: the next due time set");
        assertEquals(Optional.of(due.plus(INTERVAL).truncatedTo(ChronoUnit.MILLIS)), claims.nextDue(ACCOUNT),
                "the next due time, the application's own, in whole milliseconds");
    }

    @Test
    void nothingIsClaimedBeforeItIsDue() {
        assertTrue(claims.claimDue("a", T0.minusMillis(1), LEASE).isEmpty());
    }

    @Test
    void aDueRefreshIsClaimedByOneInstanceOnly() {
        Instant now = T0.plusSeconds(1);

        List<RefreshClaims.Claim> a = claims.claimDue("a", now, LEASE);
        List<RefreshClaims.Claim> b = claims.claimDue("b", now, LEASE);

        assertEquals(1, a.size());
        assertTrue(b.isEmpty(), "the claim of a is live");
        assertTrue(claims.claimed(ACCOUNT, now));
        assertTrue(claims.claim(ACCOUNT, "b", now, LEASE).isEmpty(), "nor does a refresh now of b start beside it");
    }

    @Test
    void ofManyInstancesClaimingAtOnceExactlyOneGetsIt() throws Exception {
        Instant now = T0.plusSeconds(1);
        ExecutorService instances = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String holder = "instance-" + i;
                tries.add(() -> claims.claimDue(holder, now, LEASE).size());
            }
            int claimed = 0;
            for (Future<Integer> got : instances.invokeAll(tries)) {
                claimed += got.get();
            }
            assertEquals(1, claimed);
        } finally {
            instances.shutdownNow();
        }
    }

    @Test
    void releasingADueRefreshMovesTheScheduleOnByOneInterval() {
        Instant now = T0.plusSeconds(5);
        RefreshClaims.Claim claim = claims.claimDue("a", now, LEASE).get(0);

        assertTrue(claims.release(claim, claim.due(), now.plusSeconds(20), INTERVAL));

        assertEquals(Optional.of(T0.plus(INTERVAL)), claims.nextDue(ACCOUNT));
        assertFalse(claims.claimed(ACCOUNT, now.plusSeconds(20)));
        assertTrue(claims.claimDue("b", now.plusSeconds(30), LEASE).isEmpty(), "served: not due again before its time");
        assertEquals(1, claims.claimDue("b", T0.plus(INTERVAL), LEASE).size(), "due again an interval later");
    }

    @Test
    void intervalsMissedWhileNoInstanceRanAreNotMadeUp() {
        Instant late = T0.plus(INTERVAL.multipliedBy(3)).plusSeconds(10);
        RefreshClaims.Claim claim = claims.claimDue("a", late, LEASE).get(0);

        claims.release(claim, true, late, INTERVAL);

        assertEquals(Optional.of(T0.plus(INTERVAL.multipliedBy(4))), claims.nextDue(ACCOUNT));
    }

    @Test
    void aClaimWhoseHolderDiedLapsesAndAnotherInstanceServesTheSameDueRefresh() {
        Instant now = T0.plusSeconds(1);
        RefreshClaims.Claim dead = claims.claimDue("a", now, LEASE).get(0);

        assertTrue(claims.claimDue("b", now.plus(LEASE).minusMillis(1), LEASE).isEmpty(), "live until its lease ends");
        List<RefreshClaims.Claim> takenOver = claims.claimDue("b", now.plus(LEASE), LEASE);

        assertEquals(1, takenOver.size());
        assertEquals(T0, takenOver.get(0).dueAt(), "the very refresh the dead instance did not finish");
        assertFalse(claims.release(dead, true, now.plus(LEASE).plusSeconds(1), INTERVAL),
                "the old holder, back after all, moves nothing");
        assertFalse(claims.renew(dead, now.plus(LEASE).plusSeconds(1), LEASE), "nor keeps the claim");
        assertTrue(claims.release(takenOver.get(0), true, now.plus(LEASE).plusSeconds(2), INTERVAL));
        assertEquals(Optional.of(T0.plus(INTERVAL)), claims.nextDue(ACCOUNT));
    }

    @Test
    void aRenewedClaimStaysItsHoldersPastTheFirstLease() {
        Instant now = T0.plusSeconds(1);
        RefreshClaims.Claim claim = claims.claimDue("a", now, LEASE).get(0);

        assertTrue(claims.renew(claim, now.plusSeconds(50), LEASE));

        assertTrue(claims.claimDue("b", now.plus(LEASE).plusSeconds(1), LEASE).isEmpty());
        assertTrue(claims.claimed(ACCOUNT, now.plus(LEASE).plusSeconds(1)));
    }

    @Test
    void aRefreshNowBeforeTheDueTimeLeavesTheScheduleAlone() {
        Instant early = T0.minus(Duration.ofMinutes(5));
        RefreshClaims.Claim claim = claims.claim(ACCOUNT, "a", early, LEASE).orElseThrow();

        assertFalse(claim.due());
        claims.release(claim, claim.due(), early.plusSeconds(10), INTERVAL);

        assertEquals(Optional.of(T0), claims.nextDue(ACCOUNT));
    }

    @Test
    void aClaimGivenUpStaysDueForTheNextToTake() {
        Instant now = T0.plusSeconds(1);
        RefreshClaims.Claim claim = claims.claimDue("a", now, LEASE).get(0);

        claims.giveUp(claim);

        assertEquals(T0, claims.claim(ACCOUNT, "b", now, LEASE).orElseThrow().dueAt());
    }

    @Test
    void runsAreRecordedWithTheDueRefreshTheyServedNewestFirst() {
        RefreshResult first = new RefreshResult(ACCOUNT, T0, Duration.ofMillis(1200), 3, 25, 0, 2, Optional.empty(),
                Optional.empty());
        RefreshResult second = new RefreshResult(ACCOUNT, T0.plus(INTERVAL), Duration.ofMillis(900), 1, 0, 0, 0,
                Optional.of("Exchange asked to wait."), Optional.empty());

        claims.recordRun(first, Optional.of(T0), "instance1/x", Duration.ofDays(2));
        claims.recordRun(second, Optional.empty(), "instance2/y", Duration.ofDays(2));

        List<RefreshResult> runs = claims.recentRuns(ACCOUNT, 10);
        assertEquals(2, runs.size());
        assertEquals(T0.plus(INTERVAL), runs.get(0).startedAt());
        assertEquals(Optional.of("Exchange asked to wait."), runs.get(0).stoppedBecause());
        assertEquals(25, runs.get(1).usersRefreshed());
        assertEquals(Duration.ofMillis(1200), runs.get(1).took());
    }

    @Test
    void runsOlderThanKeptAreForgotten() {
        claims.recordRun(new RefreshResult(ACCOUNT, T0, Duration.ZERO, 0, 0, 0, 0, Optional.empty(), Optional.empty()),
                Optional.of(T0), "a", Duration.ofDays(2));
        Instant later = T0.plus(Duration.ofDays(3));
        claims.recordRun(new RefreshResult(ACCOUNT, later, Duration.ZERO, 0, 0, 0, 0, Optional.empty(), Optional.empty()),
                Optional.empty(), "a", Duration.ofDays(2));

        assertEquals(List.of(later), claims.recentRuns(ACCOUNT, 10).stream().map(RefreshResult::startedAt).toList());
    }

    @Test
    void anAccountUnscheduledHasNothingToClaim() {
        claims.unschedule(ACCOUNT);

        assertTrue(claims.nextDue(ACCOUNT).isEmpty());
        assertTrue(claims.claimDue("a", T0.plusSeconds(1), LEASE).isEmpty());
        assertTrue(claims.claim(ACCOUNT, "a", T0, LEASE).isEmpty());
    }
}
