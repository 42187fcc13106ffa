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
        maxPoolSize = 32)
@Singleton
public class ApplicationDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/corpconnect";
}
