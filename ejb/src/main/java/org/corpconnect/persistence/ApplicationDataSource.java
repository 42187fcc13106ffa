package org.corpconnect.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The data source, defined by the application so that a fresh domain needs no JDBC setup. Payara
 * resolves the {@code MPCONFIG} references from server-level MicroProfile Config (system properties,
 * environment, {@code asadmin set-config-property}) when it creates the pool; the application's own
 * defaults file is not read that early, so each reference carries its default inline (after the colon).
 */
@DataSourceDefinition(
        name = ApplicationDataSource.JNDI_NAME,
        className = "${MPCONFIG=db.datasource-class:org.h2.jdbcx.JdbcDataSource}",
        // Relative to the server's working directory, the domain's config/ (nested ${} is not resolved).
        // Bookings of one user wait for each other's row lock: give them 10 s instead of H2's 1 s. WRITE_DELAY=0:
        // a commit is on disk before it returns (H2 delays it 500 ms by default; kill -9 would lose it).
        url = "${MPCONFIG=db.url:jdbc:h2:./exchange-connection/corpconnect;LOCK_TIMEOUT=10000;WRITE_DELAY=0}",
        user = "${MPCONFIG=db.user:corpconnect}",
        password = "${MPCONFIG=db.password:corpconnect}",
        minPoolSize = 2,
        maxPoolSize = 32,
        // A connection the database closed (PostgreSQL restarted, a failover, an idle timeout) is found out before
        // it is handed out, not by the request that gets it: Connection.isValid, for H2 and PostgreSQL alike, at
        // most every 5 s per connection; one found dead empties the pool, as its siblings died with it.
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=5",
            "fish.payara.fail-all-connections=true"
        })
@Singleton
public class ApplicationDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/corpconnect";
}
