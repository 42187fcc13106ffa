package org.corpconnect.it;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.corpconnect.account.Account;
import org.corpconnect.account.Accounts;
import org.corpconnect.apikey.ApiKeys;

/** Test-only: one more API key of an account, as its admin would create it; answers the key. */
@WebServlet("/it-api-key-fixture")
public class ApiKeyFixtureServlet extends HttpServlet {

    @Inject
    ApiKeys apiKeys;

    @Inject
    Accounts accounts;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id = Long.parseLong(request.getParameter("account"));
        Account account = accounts.all().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
        response.setContentType("text/plain");
        response.getWriter().write(apiKeys.create(account, "it second front end", "it-admin").token());
    }
}
