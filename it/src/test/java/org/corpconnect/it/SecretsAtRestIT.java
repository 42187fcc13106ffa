package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.ConnectionSettings;
import org.corpconnect.connection.Connections;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * No plaintext Exchange password or client secret reaches the database files or the server log: neither this test's
 * nor any earlier test's of the run (every test password is "Pw-" and a UUID, see TestAccounts). The database files
 * are H2's file in the domain, or on PostgreSQL (it/pom.xml's it-postgresql profile) this database's files and the
 * cluster's write-ahead log, read from the data directory of a PostgreSQL on this machine.
 */
@ServerTest
class SecretsAtRestIT {

    private static final Pattern ANY_TEST_PASSWORD =
            Pattern.compile("Pw-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestsInside();
    }

    @Inject
    TestAccounts fixture;

    @Inject
    Connections connections;

    @Resource(lookup = "java:app/jdbc/corpconnect")
    DataSource dataSource;

    private final SimulatorControl simulator = SimulatorControl.ofTestRun();

    @Test
    void noPasswordIsReadableInTheDatabaseFilesOrTheServerLog() throws Exception {
        simulator.loadDemo();
        TestAccount account = fixture.create(simulator);
        fixture.addUsers(account, List.of("anna.schmidt@contoso.test"));
        Instant before = Instant.now();
        fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
        fixture.awaitRefreshedSince(account, before, Duration.ofSeconds(60));
        String refused = "Pw-" + java.util.UUID.randomUUID();
        assertThrows(CredentialRejected.class, () -> fixture.connect(account, AccessMode.IMPERSONATION, refused));
        String changed = "Pw-" + java.util.UUID.randomUUID();
        simulator.setPassword(account.serviceMailbox(), changed);
        fixture.connect(account, AccessMode.IMPERSONATION, changed);
        // An Exchange Online account: its app's client secret, saved without a test (forced).
        TestAccount online = fixture.create(simulator);
        String clientSecret = "Pw-" + java.util.UUID.randomUUID();
        var app = ConnectionSettings.withOAuthApp(TestExchange.ewsUrl(), new MailboxAddress(online.serviceMailbox()),
                AccessMode.IMPERSONATION, "contoso-test", "corpconnect-demo-app", Secret.of(clientSecret),
                URI.create("http://localhost:" + TestExchange.PORT + "/contoso-test/oauth2/v2.0/token"));
        connections.connect(online.account(), app, true, "it-admin");
        var stored = connections.accessOf(connections.findFor(online.id()).orElseThrow());
        assertEquals(app.credential(), stored.credential(), "the app credential reads back as it was entered");

        Path domain = Path.of(System.getProperty("com.sun.aas.instanceRoot"));
        List<Path> files = new ArrayList<>(databaseFiles(domain));
        files.addAll(filesUnder(domain.resolve("logs")));
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("server.log")), "the log is searched");
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String secret : List.of(account.secret(), refused, changed, clientSecret)) {
                assertFalse(content.contains(secret), "a password in " + file);
            }
            assertFalse(ANY_TEST_PASSWORD.matcher(content).find(), "some test's password in " + file);
        }
    }

    /** The files the database keeps its data in, once everything written is forced into them (a checkpoint). */
    private List<Path> databaseFiles(Path domain) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (product.equals("H2")) {
                // H2 writes its file lazily.
                statement.execute("CHECKPOINT SYNC");
                List<Path> files = filesUnder(domain.resolve("config/exchange-connection"));
                assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().endsWith(".mv.db")), "the H2 file is searched: " + files);
                return files;
            }
            assertEquals("PostgreSQL", product, "a database this test knows the files of");
            // Every commit is in the write-ahead log at once, in the tables' files after a checkpoint. The test role
            // may checkpoint and read the data directory's setting (pg_checkpoint, pg_read_all_settings: .ci/run).
            statement.execute("CHECKPOINT");
            try (ResultSet row = statement.executeQuery("select current_setting('data_directory'),"
                    + " pg_relation_filepath('exchange_connection')")) {
                row.next();
                Path dataDirectory = Path.of(row.getString(1));
                Path connectionsTable = dataDirectory.resolve(row.getString(2));
                List<Path> files = new ArrayList<>(filesUnder(connectionsTable.getParent()));
                files.addAll(filesUnder(dataDirectory.resolve("pg_wal")));
                assertTrue(files.contains(connectionsTable), "the table of stored credentials is searched, "
                        + connectionsTable + " (a PostgreSQL on this machine, its data directory readable by the server)");
                assertTrue(files.stream().anyMatch(f -> f.getParent().endsWith("pg_wal")), "the write-ahead log is searched");
                return files;
            }
        }
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
