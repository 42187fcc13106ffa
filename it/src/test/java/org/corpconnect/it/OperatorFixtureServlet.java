package org.corpconnect.it;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.corpconnect.signin.AdminUsers;

/** Test-only: an operator of the admin pages (who sees every account and creates new ones), with a name of its own. */
@WebServlet("/it-operator-fixture")
public class OperatorFixtureServlet extends HttpServlet {

    @Inject
    AdminUsers adminUsers;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = "it-operator-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Op-" + UUID.randomUUID();
        adminUsers.createOperator(username, password.toCharArray());
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build().toString());
    }
}
