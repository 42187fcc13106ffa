package org.corpconnect.persistence;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** For tests of the SQL itself: a fresh in-memory H2 with the application's migrations applied. */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    /** A new database of its own, kept while the JVM runs (DB_CLOSE_DELAY=-1), migrated to the newest version. */
    public static JdbcDataSource fresh() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return h2;
    }
}
