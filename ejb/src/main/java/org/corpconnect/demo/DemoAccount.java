package org.corpconnect.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.logging.Logger;
import org.corpconnect.account.Account;
import org.corpconnect.account.AccountSlug;
import org.corpconnect.account.Accounts;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.ConnectionSettings;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.GraphCloud;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.ExchangeCredential.AppSecret;
import org.corpconnect.exchange.ExchangeCredential.PasswordScheme;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.signin.AdminUsers;
import org.corpconnect.users.UserImport;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the demo accounts on the first start with {@code demo.enabled=true}; later starts keep them
 * as they are. One is on EWS (the simulator's dedicated mailbox, impersonation); the other, when
 * {@code demo.graph.client-secret} is given, on Microsoft Graph in the central mode, with a dedicated
 * mailbox and users of its own, so that neither account lists the other's users.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "SecretBox", "MasterKeyRotation", "FirstOperator"})
public class DemoAccount {

    static final AccountSlug SLUG = new AccountSlug("demo");
    static final AccountSlug GRAPH_SLUG = new AccountSlug("demo-graph");
    private static final Logger LOG = Logger.getLogger(DemoAccount.class.getName());

    @Inject
    @ConfigProperty(name = "demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "demo.ews-url", defaultValue = "http://localhost:8025/EWS/Exchange.asmx")
    URI ewsUrl;

    @Inject
    @ConfigProperty(name = "demo.service-mailbox", defaultValue = "booking-service@contoso.test")
    String serviceMailbox;

    @Inject
    @ConfigProperty(name = "demo.service-password")
    Optional<String> servicePassword;

    @Inject
    @ConfigProperty(name = "demo.admin-password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "demo.graph.service-mailbox", defaultValue = "graph-bookings@contoso.test")
    String graphServiceMailbox;

    @Inject
    @ConfigProperty(name = "demo.graph.tenant", defaultValue = "contoso-test")
    String graphTenant;

    @Inject
    @ConfigProperty(name = "demo.graph.client-id", defaultValue = "4f0b9e2a-6c1d-4e3b-8a57-2d9c0e1f3b61")
    String graphClientId;

    @Inject
    @ConfigProperty(name = "demo.graph.client-secret")
    Optional<String> graphClientSecret;

    @Inject
    private Accounts accounts;

    @Inject
    private AdminUsers adminUsers;

    @Inject
    private UserImport userImport;

    @Inject
    private Connections connections;

    @Inject
    private GraphCloud graphCloud;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Each step commits on its own.
    void createOnce() {
        if (!enabled) {
            return;
        }
        if (accounts.findBySlug(SLUG).isEmpty()) {
            var settings = ConnectionSettings.withPassword(ewsUrl, new MailboxAddress(serviceMailbox),
                    AccessMode.IMPERSONATION, PasswordScheme.BASIC, null, Secret.of(servicePassword.orElseThrow(
                            () -> new IllegalStateException("demo.enabled needs demo.service-password (DEMO_SERVICE_PASSWORD)."))));
            create(SLUG, "Contoso (demo)", "demo-admin", "/demo/contoso-users.csv", settings);
        }
        if (accounts.findBySlug(GRAPH_SLUG).isEmpty() && graphClientSecret.filter(s -> !s.isBlank()).isPresent()) {
            // The demo app's secret never ends in the simulator; a real one does, and its date is entered with it.
            var secret = new AppSecret.ClientSecret(Secret.of(graphClientSecret.get()),
                    Optional.of(LocalDate.now(Clock.systemUTC()).plusYears(1)));
            var settings = ConnectionSettings.withGraphApp(graphCloud, new MailboxAddress(graphServiceMailbox), graphTenant,
                    graphClientId, secret);
            create(GRAPH_SLUG, "Contoso Online (demo, Microsoft Graph)", "demo-graph-admin", "/demo/contoso-graph-users.csv",
                    settings);
        }
    }

    private void create(AccountSlug slug, String name, String admin, String usersCsv, ConnectionSettings settings) {
        var account = accounts.create(slug, name);
        adminPassword.filter(p -> !p.isBlank())
                .ifPresent(p -> adminUsers.createAdmin(account, admin, p.toCharArray(), "demo"));
        importDemoUsers(account, usersCsv);
        try {
            connections.connect(account, settings, false, "demo");
            LOG.info(() -> "Demo account " + slug + " created, connected to " + settings.serviceMailbox() + " at "
                    + settings.endpoint());
        } catch (ExchangeException e) {
            // The simulator may not be up yet: keep the account, the connection shows what went wrong.
            connections.connect(account, settings, true, "demo");
            LOG.warning(() -> "Demo account " + slug + " created, but its connection test failed: " + e.getMessage());
        }
    }

    /** The simulator's demo users of this account, so the demo shows every delegation status at once. */
    private void importDemoUsers(Account account, String csvResource) {
        try (var csv = new InputStreamReader(DemoAccount.class.getResourceAsStream(csvResource), StandardCharsets.UTF_8)) {
            userImport.importCsv(account, csv, ZoneId.of("Europe/Berlin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
