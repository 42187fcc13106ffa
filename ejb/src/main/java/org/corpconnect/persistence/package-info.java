/**
 * The application's own database: a JTA data source the application defines (no hand-made server
 * resource), H2 on a file by default and PostgreSQL by configuration only, and a versioned schema
 * that Flyway migrates at start, before anything touches the tables, so an upgrade never drops data.
 */
package org.corpconnect.persistence;
