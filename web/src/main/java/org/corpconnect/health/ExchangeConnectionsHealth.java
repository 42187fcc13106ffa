package org.corpconnect.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.corpconnect.connection.ConnectionStatus;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.ExchangeConnection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Each account's connection to Exchange, as data of a readiness check that stays UP: one
 * organisation's rejected password must not take the whole deployment out of its load balancer.
 * Monitoring reads the per-account lines (status, last success, last error) instead.
 */
@Readiness
@ApplicationScoped
public class ExchangeConnectionsHealth implements HealthCheck {

    @Inject
    private Connections connections;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("exchange-connections").up();
        long troubled = 0;
        for (ExchangeConnection connection : connections.all()) {
            if (connection.status() != ConnectionStatus.HEALTHY && connection.status() != ConnectionStatus.UNTESTED) {
                troubled++;
            }
            response.withData(connection.account().slug().value(), describe(connection));
        }
        return response.withData("accountsWithTrouble", troubled).build();
    }

    private static String describe(ExchangeConnection connection) {
        StringBuilder line = new StringBuilder(connection.status().name());
        connection.lastSuccessAt().map(Instant::toString).ifPresent(at -> line.append("; last success ").append(at));
        if (connection.status() != ConnectionStatus.HEALTHY) {
            connection.statusDetail().ifPresent(detail -> line.append("; ").append(detail));
        }
        return line.toString();
    }
}
