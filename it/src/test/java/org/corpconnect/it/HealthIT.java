package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.corpconnect.account.Account;
import org.corpconnect.account.Accounts;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.busytime.RefreshResult;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.ConnectionSettings;
import org.corpconnect.connection.ConnectionStatus;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.ExchangeConnection;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.ExchangeCredential.PasswordScheme;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.corpconnect.signin.AdminUsers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Health tells the truth and keeps tenants apart: a connection that fails for every user shows as
 * failing within one refresh, {@code /health/ready} carries counts only, and the admin pages answer
 * while a refresh waits on a slow Exchange.
 */
@ServerTest
class HealthIT {

    private static final List<String> USERS = List.of("anna.schmidt@contoso.test", "lukas.weber@contoso.test",
            "sophie.mueller@contoso.test");

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestsInside();
    }

    @Inject
    TestAccounts fixture;

    @Inject
    Connections connections;

    @Inject
    Accounts accounts;

    @Inject
    AdminUsers adminUsers;

    @Inject
    BusyTimeSync sync;

    private final SimulatorControl simulator = SimulatorControl.ofTestRun();

    @Test
    void aConnectionWhoseRefreshFailsForEveryUserShowsAsFailingAfterThatOneRefresh() throws Exception {
        simulator.loadDemo();
        TestAccount account = fixture.create(simulator);
        fixture.addUsers(account, USERS);
        long failingBefore = count(ConnectionStatus.FAILING);

        // Saved without a test, to a URL that answers 200 with an HTML page instead of EWS.
        URI notEws = Server.app().resolve("it-html-page");
        connections.connect(account.account(), ConnectionSettings.withPassword(notEws,
                new MailboxAddress(account.serviceMailbox()), AccessMode.IMPERSONATION, PasswordScheme.BASIC, null,
                Secret.of(account.secret())), true, "it-admin");
        TestAccounts.await(() -> !sync.recentRuns(account.id()).isEmpty(), Duration.ofSeconds(60),
                "the refresh that saving started");

        List<RefreshResult> runs = sync.recentRuns(account.id());
        assertEquals(1, runs.size(), "one refresh: " + runs);
        assertEquals(USERS.size(), runs.get(0).usersFailed(), "it failed for every user: " + runs);
        ExchangeConnection connection = connections.findFor(account.id()).orElseThrow();
        assertEquals(ConnectionStatus.FAILING, connection.status(), connection.toString());
        assertEquals(failingBefore + 1, count(ConnectionStatus.FAILING), "/health/ready counts it among the failing");

        AdminSession operator = operator();
        String connectionPage = operator.get("admin/accounts/" + account.account().slug().value() + "/connection").body();
        assertTrue(connectionPage.contains("status-FAILING\">FAILING</span>"), "the connection page says so: " + connectionPage);
        String accountsPage = operator.get("admin/accounts").body();
        String row = accountsPage.substring(accountsPage.indexOf("data-account=\"" + account.account().slug().value() + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains(">FAILING<") && row.contains(notEws.toString()),
                "the operator's accounts page shows the account's status and where it connects: " + row);
    }

    @Test
    void anonymousHealthCarriesCountsButNoSlugMailboxUrlOrError() throws Exception {
        simulator.loadDemo();
        TestAccount healthy = fixture.create(simulator);
        fixture.addUsers(healthy, USERS);
        Instant before = Instant.now();
        fixture.connect(healthy, AccessMode.IMPERSONATION, healthy.secret());
        fixture.awaitRefreshedSince(healthy, before, Duration.ofSeconds(60));
        TestAccount rejected = fixture.create(simulator);
        fixture.addUsers(rejected, USERS);
        connections.connect(rejected.account(), fixture.settings(rejected, AccessMode.IMPERSONATION, "not-the-password"),
                true, "it-admin");
        TestAccounts.await(() -> connections.findFor(rejected.id()).orElseThrow().status() == ConnectionStatus.CREDENTIAL_REJECTED,
                Duration.ofSeconds(60), "the forced wrong password rejected");

        HttpResponse<String> response = Server.get(Server.root().resolve("health/ready"));
        String body = response.body();

        assertEquals(200, response.statusCode(), body);
        for (Account account : accounts.all()) {
            assertFalse(body.contains(account.slug().value()), "no account key (" + account.slug().value() + "): " + body);
            connections.findFor(account.id()).ifPresent(c -> {
                assertFalse(body.toLowerCase().contains(c.serviceMailbox().value().toLowerCase()), "no mailbox: " + body);
                assertFalse(body.contains(c.endpoint().getHost() + ":" + c.endpoint().getPort()), "no URL: " + body);
            });
        }
        assertFalse(body.contains("@") || body.contains("://") || body.contains("401"), "no address, URL or error: " + body);
        assertTrue(count(ConnectionStatus.HEALTHY) >= 1 && count(ConnectionStatus.CREDENTIAL_REJECTED) >= 1,
                "counts per status: " + body);
    }

    @Test
    void theSyncPageAnswersWhileARefreshWaitsOnASlowExchange() throws Exception {
        simulator.loadDemo();
        TestAccount account = fixture.create(simulator);
        fixture.addUsers(account, USERS);
        Instant before = Instant.now();
        fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
        fixture.awaitRefreshedSince(account, before, Duration.ofSeconds(60));
        sync.refreshNow(account.id()).get(60, TimeUnit.SECONDS);
        AdminSession operator = operator();
        try {
            // Exchange takes 6 seconds over the next free/busy request (within the tests' request timeout of 15).
            simulator.addFault(Json.createObjectBuilder().add("kind", "LATENCY").add("mailbox", account.serviceMailbox())
                    .add("operation", "GetUserAvailabilityRequest").add("millis", 6_000).add("times", 1).build());
            Instant asked = Instant.now();
            Future<RefreshResult> refresh = sync.refreshNow(account.id());
            TestAccounts.await(() -> sync.refreshing(account.id()), Duration.ofSeconds(10), "the refresh running");

            HttpResponse<String> page = operator.get("admin/accounts/" + account.account().slug().value() + "/sync");

            assertFalse(refresh.isDone(), "the page answered while the refresh still waited on Exchange");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("id=\"refresh-running\""), "and it says a refresh is running: " + page.body());
            RefreshResult result = refresh.get(120, TimeUnit.SECONDS);
            assertTrue(result.completed(), result.toString());
            assertTrue(simulator.requestsBy(account.serviceMailbox(), "GetUserAvailabilityRequest", asked).size() >= 1);
        } finally {
            simulator.clearFaults();
        }
    }

    private AdminSession operator() {
        String username = "it-operator-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Op-" + UUID.randomUUID();
        adminUsers.createOperator(username, password.toCharArray());
        return AdminSession.signIn(username, password);
    }

    /** The count of connections with this status that anonymous {@code /health/ready} shows. */
    private static long count(ConnectionStatus status) {
        JsonObject health = Server.json(Server.get(Server.root().resolve("health/ready")));
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> "exchange-connections".equals(c.getString("name")))
                // Payara writes the check's numbers as strings.
                .map(c -> Long.parseLong(c.getJsonObject("data").getString(status.name())))
                .findFirst().orElseThrow(() -> new AssertionError("no exchange-connections check: " + health));
    }
}
