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
import java.time.ZoneId;
import java.util.Optional;
import java.util.logging.Logger;
import org.corpconnect.account.Account;
import org.corpconnect.account.AccountSlug;
import org.corpconnect.account.Accounts;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.ConnectionSettings;
import org.corpconnect.connection.Connections;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.ExchangeCredential.PasswordScheme;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.signin.AdminUsers;
import org.corpconnect.users.UserImport;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates the demo account on the first start with {@code demo.enabled=true}; later starts keep it as it is. */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "SecretBox", "MasterKeyRotation", "FirstOperator"})
public class DemoAccount {

    static final AccountSlug SLUG = new AccountSlug("demo");
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
    private Accounts accounts;

    @Inject
    private AdminUsers adminUsers;

    @Inject
    private UserImport userImport;

    @Inject
    private Connections connections;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Each step commits on its own.
    void createOnce() {
        if (!enabled || accounts.findBySlug(SLUG).isPresent()) {
            return;
        }
        var account = accounts.create(SLUG, "Contoso (demo)");
        adminPassword.filter(p -> !p.isBlank())
                .ifPresent(p -> adminUsers.createAdmin(account, "demo-admin", p.toCharArray(), "demo"));
        importDemoUsers(account);
        var settings = ConnectionSettings.withPassword(ewsUrl, new MailboxAddress(serviceMailbox), AccessMode.IMPERSONATION,
                PasswordScheme.BASIC, null, Secret.of(servicePassword.orElseThrow(() -> new IllegalStateException(
                        "demo.enabled needs demo.service-password (DEMO_SERVICE_PASSWORD)."))));
        try {
            connections.connect(account, settings, false, "demo");
            LOG.info(() -> "Demo account created, connected to " + serviceMailbox + " at " + ewsUrl);
        } catch (ExchangeException e) {
            // The simulator may not be up yet: keep the account, the connection shows what went wrong.
            connections.connect(account, settings, true, "demo");
            LOG.warning(() -> "Demo account created, but its connection test failed: " + e.getMessage());
        }
    }

    /** The simulator's 25 demo users, so the demo shows every delegation status at once. */
    private void importDemoUsers(Account account) {
        try (var csv = new InputStreamReader(DemoAccount.class.getResourceAsStream("/demo/contoso-users.csv"),
                StandardCharsets.UTF_8)) {
            userImport.importCsv(account, csv, ZoneId.of("Europe/Berlin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
