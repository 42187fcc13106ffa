package org.corpconnect.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.corpconnect.exchange.ExchangeCredential.AppSecret;
import org.corpconnect.exchange.ExchangeCredential.PasswordScheme;
import org.corpconnect.users.BookableUser;
import org.corpconnect.users.NewUser;
import org.corpconnect.users.Users;

/**
 * Sets up, inside the server, an account of a test's own: its own dedicated mailbox in the simulator
 * (so that the request log tells its requests apart), users, and the connection, over EWS or Graph.
 * On Graph (the central mode) the account has its own Entra app, reaching the dedicated mailbox and the
 * account's users through RBAC for Applications: a group of them, a management scope on the group, and
 * the app's role assignment "Application Calendars.ReadWrite" in that scope.
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

    /**
     * @param secret the dedicated mailbox's password (EWS) or the app's client secret (Graph)
     * @param appId the account's Entra app (Graph only)
     * @param scopeGroup the group whose members the app's RBAC scope reaches (Graph only)
     */
    public record TestAccount(Account account, Protocol protocol, String serviceMailbox, String secret, String appId,
                              String scopeGroup) {
        public long id() {
            return account.id();
        }

        /** Who the simulator's request log says sent the account's requests: the dedicated mailbox, or the app. */
        public String caller() {
            return protocol == Protocol.EWS ? serviceMailbox : "app:" + appId;
        }
    }

    /** A new EWS account (see {@link #create(SimulatorControl, Protocol)}). */
    public TestAccount create(SimulatorControl simulator) {
        return create(simulator, Protocol.EWS);
    }

    /**
     * A new account, not connected yet, whose dedicated mailbox exists in the simulator and may reach
     * every user: by impersonation of all (EWS), or by its app's RBAC scope, which holds the dedicated
     * mailbox (getSchedule is asked as it) and will hold each user added (Graph).
     */
    public TestAccount create(SimulatorControl simulator, Protocol protocol) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String mailbox = "svc-" + tag + "@contoso.test";
        String password = "Pw-" + UUID.randomUUID();
        simulator.addMailbox(mailbox, password);
        Account account = accounts.create(new AccountSlug("it-" + tag), "Test account " + tag);
        if (protocol == Protocol.EWS) {
            simulator.grantImpersonationOfAll(mailbox);
            return new TestAccount(account, protocol, mailbox, password, null, null);
        }
        String appId = UUID.randomUUID().toString();
        String secret = "Secret-" + UUID.randomUUID();
        String group = "it-" + tag + "-booking@contoso.test";
        simulator.registerApp(appId, "Bookings " + tag, secret);
        simulator.createGroup(group, List.of(mailbox));
        simulator.assignCalendarsReadWriteInScope(appId, "Bookings " + tag, group);
        return new TestAccount(account, protocol, mailbox, secret, appId, group);
    }

    /** Adds the users to the account and, on Graph, to its app's RBAC scope. */
    public void addUsers(TestAccount account, List<String> addresses) {
        addresses.forEach(a -> users.add(account.account(),
                new NewUser(new MailboxAddress(a), null, ZoneId.of("Europe/Berlin"))));
        if (account.protocol() == Protocol.GRAPH) {
            SimulatorControl simulator = SimulatorControl.ofTestRun();
            addresses.forEach(a -> simulator.addToGroup(account.scopeGroup(), a));
        }
    }

    /**
     * An Exchange admin takes the user's calendar out of the dedicated mailbox's reach: EWS revokes the
     * user's calendar share (the delegation mode), Graph takes the user out of the app's RBAC scope.
     */
    public void takeAccessAway(TestAccount account, String user) {
        SimulatorControl simulator = SimulatorControl.ofTestRun();
        if (account.protocol() == Protocol.EWS) {
            simulator.revokeCalendar(user, account.serviceMailbox());
        } else {
            simulator.removeFromGroup(account.scopeGroup(), user);
        }
    }

    /**
     * Moves an EWS account to Microsoft Graph, app-only with the simulator's demo central app, its dedicated
     * mailbox and users put in that app's RBAC scope as an Exchange admin would; the connection page's path.
     */
    public void moveToGraph(TestAccount account, SimulatorControl simulator) {
        simulator.addToGroup(TestExchange.RBAC_GROUP, account.serviceMailbox());
        usersOf(account).forEach(u -> simulator.addToGroup(TestExchange.RBAC_GROUP, u.address().value()));
        connections.connect(account.account(), ConnectionSettings.withGraphApp(graphCloud,
                new MailboxAddress(account.serviceMailbox()), TestExchange.TENANT, TestExchange.CENTRAL_APP_ID,
                new AppSecret.ClientSecret(Secret.of(TestExchange.CENTRAL_APP_SECRET), Optional.empty())), false, "it-admin");
    }

    /** The admin undoes {@link #takeAccessAway}: the share granted (Editor) again, or the user back in the scope. */
    public void giveAccessBack(TestAccount account, String user) {
        SimulatorControl simulator = SimulatorControl.ofTestRun();
        if (account.protocol() == Protocol.EWS) {
            simulator.grantCalendar(user, account.serviceMailbox(), "Editor");
        } else {
            simulator.addToGroup(account.scopeGroup(), user);
        }
    }

    public void connect(TestAccount account, AccessMode mode, String secret) {
        connections.connect(account.account(), settings(account, mode, secret), false, "it-admin");
    }

    /** EWS: the password, Basic, the mode asked for. Graph: the app and its secret, app-only (the central mode). */
    public ConnectionSettings settings(TestAccount account, AccessMode mode, String secret) {
        MailboxAddress serviceMailbox = new MailboxAddress(account.serviceMailbox());
        if (account.protocol() == Protocol.EWS) {
            return ConnectionSettings.withPassword(TestExchange.ewsUrl(), serviceMailbox, mode, PasswordScheme.BASIC, null,
                    Secret.of(secret));
        }
        if (mode != AccessMode.IMPERSONATION) {
            throw new IllegalArgumentException("A Graph test account is app-only (the central mode), not " + mode);
        }
        return ConnectionSettings.withGraphApp(graphCloud, serviceMailbox, TestExchange.TENANT, account.appId(),
                new AppSecret.ClientSecret(Secret.of(secret), Optional.of(LocalDate.now().plusYears(1))));
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
