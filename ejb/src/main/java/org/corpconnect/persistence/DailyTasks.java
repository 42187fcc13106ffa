package org.corpconnect.persistence;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * Work done once a day for the whole deployment ({@code daily_task}), whichever of a cluster's
 * instances comes first: each instance's timer asks for the day, and one conditional UPDATE gives
 * it to exactly one of them. A task is a row its migration adds.
 */
@Stateless
public class DailyTasks {

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    /** True for exactly one caller per task and day: the one that is to do the day's work. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String task, LocalDate day) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement claim = db.prepareStatement("UPDATE daily_task SET done_on = ? WHERE name = ? AND done_on < ?")) {
            claim.setObject(1, day);
            claim.setString(2, task);
            claim.setObject(3, day);
            return claim.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim the daily task " + task + ": " + e.getMessage(), e);
        }
    }
}
