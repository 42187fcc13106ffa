package org.corpconnect.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:app/jdbc/corpconnect")
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return response.status(connection.isValid(TIMEOUT_SECONDS))
                    .withData("product", meta.getDatabaseProductName())
                    .build();
        } catch (SQLException e) {
            // The message of a driver error names the host, never the password.
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
