package org.corpconnect.polling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.corpconnect.polling.PollPlan.PolledUser;
import org.corpconnect.persistence.MigratedDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The polled users' rows on a real database (H2 in memory, the application's own migrations), as two
 * cluster members sharing it use them: each member a {@link PolledUsers} of its own on the same database.
 */
class PolledUsersTest {

    private static final long ACCOUNT = 50;
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final int USERS = 200;

    private final PolledUsers memberA = new PolledUsers();
    private final PolledUsers memberB = new PolledUsers();
    private Connection db;

    @BeforeEach
    void migrate() throws SQLException {
        JdbcDataSource h2 = MigratedDatabase.fresh();
        db = h2.getConnection();
        try (Statement s = db.createStatement()) {
            s.executeUpdate("INSERT INTO account (id, slug, name, created_at) VALUES (" + ACCOUNT + ", 'org', 'Org', CURRENT_TIMESTAMP)");
            for (int id = 1; id <= USERS; id++) {
                s.executeUpdate("INSERT INTO bookable_user (id, account_id, address, display_name, time_zone, access_status) VALUES ("
                        + id + ", " + ACCOUNT + ", 'u" + id + "@contoso.test', 'U" + id + "', 'Europe/Berlin', 'OK')");
            }
            s.executeUpdate("UPDATE bookable_user SET access_status = 'NO_ACCESS' WHERE id = " + USERS);
        }
        memberA.dataSource = h2;
        memberB.dataSource = h2;
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void theReadableUsersArePolledFromNowAndAUserNoLongerReadableIsDropped() throws SQLException {
        memberA.keep(ACCOUNT, T0);
        memberB.keep(ACCOUNT, T0.plusSeconds(5));

        List<PolledUser> polled = memberA.ofAccount(ACCOUNT);
        assertEquals(USERS - 1, polled.size(), "every readable user, once");
        assertTrue(polled.stream().allMatch(u -> u.polledAt().equals(T0) && u.refreshedAt().isEmpty()), polled.toString());

        try (Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE bookable_user SET access_status = 'NO_ACCESS' WHERE id = 1");
            s.executeUpdate("UPDATE bookable_user SET refreshed_at = TIMESTAMP WITH TIME ZONE '2026-12-07 09:01:00+00' WHERE id = 2");
        }
        memberB.keep(ACCOUNT, T0.plusSeconds(10));

        List<PolledUser> after = memberA.ofAccount(ACCOUNT);
        assertEquals(USERS - 2, after.size());
        assertTrue(after.stream().noneMatch(u -> u.userId() == 1), "the user no longer readable is not polled");
        assertEquals(Optional.of(T0.plusSeconds(60)), after.stream().filter(u -> u.userId() == 2).findFirst().orElseThrow().refreshedAt());
    }

    @Test
    void twoMembersClaimingTheSameDueUsersAtOnceEachGetADifferentShareAndTogetherAll() throws Exception {
        memberA.keep(ACCOUNT, T0);
        List<PolledUser> due = memberA.ofAccount(ACCOUNT).stream().sorted((x, y) -> Long.compare(x.userId(), y.userId())).toList();
        Instant now = T0.plusSeconds(600);

        ExecutorService members = Executors.newFixedThreadPool(2);
        try {
            Future<List<Long>> a = members.submit(() -> memberA.claim(due, now));
            Future<List<Long>> b = members.submit(() -> memberB.claim(due, now));
            List<Long> claimedByA = a.get();
            List<Long> claimedByB = b.get();

            Set<Long> both = new HashSet<>(claimedByA);
            both.retainAll(claimedByB);
            assertEquals(Set.of(), both, "no user's poll claimed twice");
            List<Long> all = new ArrayList<>(claimedByA);
            all.addAll(claimedByB);
            assertEquals(due.stream().map(PolledUser::userId).collect(Collectors.toSet()), new HashSet<>(all), "every due user claimed");
        } finally {
            members.shutdown();
        }
        assertTrue(memberA.ofAccount(ACCOUNT).stream().allMatch(u -> u.polledAt().equals(now)), "each claim moved its user's poll time");
        assertEquals(List.of(), memberB.claim(due, now.plusSeconds(1)), "a claim on what was read before gets nothing");
    }

    @Test
    void anAccountThatNoLongerPollsIsForgotten() {
        memberA.keep(ACCOUNT, T0);

        memberB.forget(ACCOUNT);

        assertEquals(List.of(), memberA.ofAccount(ACCOUNT));
        assertEquals(List.of(), memberA.accounts());
    }
}
