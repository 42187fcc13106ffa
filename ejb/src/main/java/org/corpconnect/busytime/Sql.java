package org.corpconnect.busytime;

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
import javax.sql.DataSource;

/** Plain JDBC on the refresh schedule's tables, one statement per connection, the same on H2 and PostgreSQL. */
final class Sql {

    private Sql() {
    }

    /** SQLSTATE of a unique or primary key violation, in H2 and PostgreSQL alike. */
    static final String UNIQUE_VIOLATION = "23505";

    interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    static int update(DataSource dataSource, String sql, Parameters parameters) {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
            parameters.set(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Refresh schedule: " + e.getMessage(), e);
        }
    }

    static <T> List<T> query(DataSource dataSource, String sql, Parameters parameters, Row<T> row) {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
            parameters.set(statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Refresh schedule: " + e.getMessage(), e);
        }
    }

    /** A time the application sets, to the millisecond: read back, it compares equal in H2 and PostgreSQL alike. */
    static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }

    /**
     * A time read from the database, bound back exactly as read: cut to milliseconds, a due time written with
     * microseconds (by anyone but the application) never matched its row again, and its account was never refreshed.
     */
    static OffsetDateTime asRead(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
