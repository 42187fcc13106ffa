package org.corpconnect.it;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.corpconnect.apikey.ApiKeys;
import org.corpconnect.signin.AdminUsers;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.it.TestAccounts.TestAccount;

/**
 * Test-only: what an account's admin does before the front end can call the API (an account of the
 * test's own, its users, the connection, one refresh, an API key), so that API tests run as clients.
 */
@WebServlet("/it-api-fixture")
public class ApiFixtureServlet extends HttpServlet {

    @Inject
    TestAccounts fixture;

    @Inject
    ApiKeys apiKeys;

    @Inject
    AdminUsers adminUsers;

    /** Revokes an API key, as the account's admin would. */
    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) {
        apiKeys.revoke(Long.parseLong(request.getParameter("account")), Long.parseLong(request.getParameter("key")), "it-admin");
        response.setStatus(204);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SimulatorControl simulator = SimulatorControl.ofTestRun();
        Protocol protocol = Protocol.valueOf(request.getParameter("protocol") == null ? "EWS" : request.getParameter("protocol"));
        TestAccount account = fixture.create(simulator, protocol);
        List<String> users = Arrays.asList(request.getParameter("users").split(","));
        AccessMode mode = AccessMode.valueOf(request.getParameter("mode"));
        if (mode == AccessMode.DELEGATION) {
            users.forEach(u -> simulator.grantCalendar(u, account.serviceMailbox(), "Editor"));
        }
        fixture.addUsers(account, users);
        Instant before = Instant.now();
        fixture.connect(account, mode, account.secret());
        fixture.awaitTriedSince(account, before, Duration.ofSeconds(60));
        var key = apiKeys.create(account.account(), "it front end", "it-admin");
        String adminUsername = "admin-" + account.serviceMailbox().substring(4, 12);
        String adminPassword = "Admin-" + java.util.UUID.randomUUID();
        adminUsers.createAdmin(account.account(), adminUsername, adminPassword.toCharArray(), "it");
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder()
                .add("accountId", account.id())
                .add("serviceMailbox", account.serviceMailbox())
                .add("caller", account.caller())
                .add("apiKey", key.token())
                .add("apiKeyId", key.key().id())
                // Test-only: so that the tests can check no answer of the API ever carries it (on Graph, the app's secret).
                .add("servicePassword", account.secret())
                .add("accountKey", account.account().slug().value())
                .add("adminUsername", adminUsername)
                .add("adminPassword", adminPassword)
                .build().toString());
    }
}
