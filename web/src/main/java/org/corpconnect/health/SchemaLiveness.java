package org.corpconnect.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.corpconnect.persistence.SchemaMigration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive once the schema has been migrated: the application started and owns its database. */
@Liveness
@ApplicationScoped
public class SchemaLiveness implements HealthCheck {

    @Inject
    private SchemaMigration schema;

    @Override
    public HealthCheckResponse call() {
        String version = schema.schemaVersion();
        return HealthCheckResponse.named("schema")
                .status(version != null)
                .withData("version", String.valueOf(version))
                .build();
    }
}
