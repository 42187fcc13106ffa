package org.corpconnect.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.corpconnect.connection.ConnectionStatus;
import org.corpconnect.connection.Connections;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * How the accounts' connections to Exchange are doing, as counts per status in a readiness check
 * that stays UP: one organisation's rejected password must not take the whole deployment out of its
 * load balancer. {@code /health} answers anyone, so it carries no tenant data (no account, mailbox,
 * URL or error); the operator's accounts page shows each account's detail.
 */
@Readiness
@ApplicationScoped
public class ExchangeConnectionsHealth implements HealthCheck {

    @Inject
    private Connections connections;

    @Override
    public HealthCheckResponse call() {
        Map<ConnectionStatus, Long> counts = connections.countByStatus();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("exchange-connections").up();
        long troubled = 0;
        for (ConnectionStatus status : ConnectionStatus.values()) {
            long count = counts.getOrDefault(status, 0L);
            response.withData(status.name(), count);
            if (status != ConnectionStatus.HEALTHY && status != ConnectionStatus.UNTESTED) {
                troubled += count;
            }
        }
        return response.withData("accountsWithTrouble", troubled).build();
    }
}
