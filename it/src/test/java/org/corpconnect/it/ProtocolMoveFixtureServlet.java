package org.corpconnect.it;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.corpconnect.account.Accounts;
import org.corpconnect.audit.AuditLog;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.it.TestAccounts.TestAccount;

/**
 * Test-only: what an account's admin does to move the account to Microsoft Graph (or back to EWS),
 * through the same {@code Connections.connect} as the connection page; answers the account's audit
 * trail of it.
 */
@WebServlet("/it-protocol-move")
public class ProtocolMoveFixtureServlet extends HttpServlet {

    @Inject
    TestAccounts fixture;

    @Inject
    Accounts accounts;

    @Inject
    AuditLog audit;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long accountId = Long.parseLong(request.getParameter("account"));
        TestAccount account = new TestAccount(accounts.all().stream().filter(a -> a.id() == accountId).findFirst()
                .orElseThrow(), Protocol.EWS, request.getParameter("serviceMailbox"), request.getParameter("password"), null, null);
        if ("graph".equals(request.getParameter("to"))) {
            fixture.moveToGraph(account, SimulatorControl.ofTestRun());
        } else {
            fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
        }
        JsonArrayBuilder trail = Json.createArrayBuilder();
        audit.recent(accountId, 20).forEach(e -> trail.add(Json.createObjectBuilder().add("action", e.action())
                .add("outcome", e.outcome().name()).add("detail", e.detail().orElse(""))));
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder().add("audit", trail).build().toString());
    }
}
