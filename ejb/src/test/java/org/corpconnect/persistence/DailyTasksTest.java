package org.corpconnect.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daily claim on a real database (H2 in memory, the application's migrations), as several instances ask for it. */
class DailyTasksTest {

    private static final String TASK = "secret-expiry-warnings";
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    private final DailyTasks tasks = new DailyTasks();

    @BeforeEach
    void migrate() {
        JdbcDataSource h2 = MigratedDatabase.fresh();
        tasks.dataSource = h2;
    }

    @Test
    void ofInstancesAskingAtOnceExactlyOneDoesTheDaysWork() {
        List<Boolean> got = IntStream.range(0, 8).parallel().mapToObj(i -> tasks.claim(TASK, DAY)).toList();

        assertEquals(1, got.stream().filter(Boolean::booleanValue).count());
    }

    @Test
    void theNextDayIsClaimedAgainAndAnEarlierOneNever() {
        assertTrue(tasks.claim(TASK, DAY));
        assertFalse(tasks.claim(TASK, DAY));

        assertFalse(tasks.claim(TASK, DAY.minusDays(1)), "an instance whose clock is behind");
        assertTrue(tasks.claim(TASK, DAY.plusDays(1)));
    }
}
