package org.corpconnect.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.corpconnect.account.Account;
import org.corpconnect.account.AccountSlug;
import org.corpconnect.account.Accounts;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.ConnectionSettings;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.GraphCloud;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeCredential.PasswordScheme;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.NewUser;
import org.corpconnect.users.Users;

/**
 * Sets up, inside the server, an account of a test's own: its own dedicated mailbox in the simulator
 * (so that the request log tells its requests apart), users, and the connection.
 */
@ApplicationScoped
public class TestAccounts {

    @Inject
    Accounts accounts;

    @Inject
    Users users;

    @Inject
    Connections connections;

    @Inject
    GraphCloud graphCloud;

    public record TestAccount(Account account, String serviceMailbox, String password) {
        public long id() {
            return account.id();
        }
    }

    /** A new account whose dedicated mailbox exists in the simulator, may impersonate everyone, and is not connected yet. */
    public TestAccount create(SimulatorControl simulator) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String mailbox = "svc-" + tag + "@contoso.test";
        String password = "Pw-" + UUID.randomUUID();
        simulator.addMailbox(mailbox, password);
        simulator.grantImpersonationOfAll(mailbox);
        Account account = accounts.create(new AccountSlug("it-" + tag), "Test account " + tag);
        return new TestAccount(account, mailbox, password);
    }

    public void addUsers(TestAccount account, List<String> addresses) {
        addresses.forEach(a -> users.add(account.account(),
                new NewUser(new MailboxAddress(a), null, ZoneId.of("Europe/Berlin"))));
    }

    public void connect(TestAccount account, AccessMode mode, String password) {
        connections.connect(account.account(), settings(account, mode, password), false, "it-admin");
    }

    /**
     * Connects the account (or moves it) to Microsoft Graph, app-only with the simulator's central app,
     * its dedicated mailbox and users put in the app's RBAC scope as an Exchange admin would.
     */
    public void connectToGraph(TestAccount account, SimulatorControl simulator) {
        simulator.putInGroup(TestExchange.RBAC_GROUP, account.serviceMailbox());
        usersOf(account).forEach(u -> simulator.putInGroup(TestExchange.RBAC_GROUP, u.address().value()));
        connections.connect(account.account(), ConnectionSettings.withGraphApp(graphCloud,
                new MailboxAddress(account.serviceMailbox()), TestExchange.TENANT, TestExchange.CENTRAL_APP_ID,
                new ExchangeCredential.AppSecret.ClientSecret(Secret.of(TestExchange.CENTRAL_APP_SECRET), Optional.empty())),
                false, "it-admin");
    }

    public ConnectionSettings settings(TestAccount account, AccessMode mode, String password) {
        return ConnectionSettings.withPassword(TestExchange.ewsUrl(), new MailboxAddress(account.serviceMailbox()), mode,
                PasswordScheme.BASIC, null, Secret.of(password));
    }

    public List<BookableUser> usersOf(TestAccount account) {
        return users.ofAccount(account.id());
    }

    /** Waits until every user of the account was refreshed at or after the instant. */
    public void awaitRefreshedSince(TestAccount account, Instant since, Duration timeout) {
        await(() -> usersOf(account).stream()
                .allMatch(u -> u.refreshedAt().map(at -> !at.isBefore(since)).orElse(false)), timeout,
                "every user of " + account.account() + " refreshed since " + since);
    }

    /** Waits until every user of the account was tried since the instant: refreshed, or failed. */
    public void awaitTriedSince(TestAccount account, Instant since, Duration timeout) {
        await(() -> usersOf(account).stream().allMatch(u -> u.refreshedAt().map(at -> !at.isBefore(since)).orElse(false)
                        || u.refreshFailedAt().map(at -> !at.isBefore(since)).orElse(false)), timeout,
                "every user of " + account.account() + " tried since " + since);
    }

    public static void await(BooleanSupplier condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
