package org.corpconnect.connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Which connections' Graph secrets or certificates to warn about now ({@code graph.secret-warning-days} ahead). */
@ApplicationScoped
public class SecretExpiryWarnings {

    @Inject
    @ConfigProperty(name = "graph.secret-warning-days")
    int warningDays;

    public Optional<SecretExpiry> of(ExchangeConnection connection) {
        return SecretExpiry.due(connection.usesCertificate(), connection.secretExpires(), LocalDate.now(Clock.systemUTC()),
                warningDays);
    }

    public int warningDays() {
        return warningDays;
    }
}
