package org.corpconnect.busytime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.corpconnect.persistence.MigratedDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The back-offs on a real database (H2 in memory, the application's migrations), where every instance reads them. */
class ExchangeBackOffsTest {

    private final Instant now = Instant.parse("2026-03-02T10:00:00Z");
    private final ExchangeBackOffs backOffs = new ExchangeBackOffs();
    private Connection keepAlive;

    /** Accounts 1 and 2, each on the refresh schedule (where the back-offs are kept). */
    @BeforeEach
    void migrate() throws SQLException {
        JdbcDataSource h2 = MigratedDatabase.fresh();
        keepAlive = h2.getConnection();
        try (Statement s = keepAlive.createStatement()) {
            for (int id = 1; id <= 2; id++) {
                s.executeUpdate("INSERT INTO account (id, slug, name, created_at) VALUES (" + id + ", 'org-" + id
                        + "', 'Org', CURRENT_TIMESTAMP)");
                s.executeUpdate("INSERT INTO refresh_schedule (account_id, due_at) VALUES (" + id + ", CURRENT_TIMESTAMP)");
            }
        }
        backOffs.dataSource = h2;
    }

    @AfterEach
    void close() throws SQLException {
        keepAlive.close();
    }

    @Test
    void aBackOffHoldsItsGenerationUntilItEnds() {
        Instant until = now.plus(Duration.ofMinutes(5));
        backOffs.record(1, 7, until);

        assertEquals(Optional.of(until), backOffs.pendingUntil(1, 7, now));
        assertTrue(backOffs.pendingUntil(1, 7, until).isEmpty(), "over when it ends");
        assertTrue(backOffs.pendingUntil(1, 8, now).isEmpty(), "a new credential does not wait");
        assertTrue(backOffs.pendingUntil(2, 7, now).isEmpty(), "nor does another account");
    }

    @Test
    void backOffsInARowAreCountedUntilARefreshGoesThrough() {
        assertEquals(1, backOffs.record(1, 7, now));
        assertEquals(2, backOffs.record(1, 7, now));
        assertEquals(2, backOffs.inARow(1, 7));
        assertEquals(0, backOffs.inARow(1, 8), "another generation starts afresh");

        backOffs.clear(1, 7);

        assertEquals(0, backOffs.inARow(1, 7));
        assertEquals(1, backOffs.record(1, 7, now));
        assertEquals(1, backOffs.record(1, 8, now), "a new credential's first");
    }

    @Test
    void aBackOffToldToOneInstanceHoldsTheOthersRefreshes() {
        ExchangeBackOffs otherInstance = new ExchangeBackOffs();
        otherInstance.dataSource = backOffs.dataSource;
        Instant until = now.plus(Duration.ofMinutes(5));

        backOffs.record(1, 7, until);

        assertEquals(Optional.of(until), otherInstance.pendingUntil(1, 7, now));
        assertEquals(2, otherInstance.record(1, 7, until), "and counts on from it");
    }
}
