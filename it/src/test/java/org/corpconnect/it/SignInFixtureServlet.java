package org.corpconnect.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.corpconnect.signin.AdminUsers;

/**
 * Test-only: an operator to sign in as, optionally with a hash as an older release stored it (the
 * platform's default PBKDF2, 2,048 iterations); and the iteration count a user's stored hash carries.
 */
@WebServlet("/it-signin-fixture")
public class SignInFixtureServlet extends HttpServlet {

    @Inject
    AdminUsers adminUsers;

    /** The platform's default parameters, as an earlier release's sign-in used them. */
    @Inject
    Pbkdf2PasswordHash platformDefaultHash;

    @Resource(lookup = "java:app/jdbc/corpconnect")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = "it-signin-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Op-" + UUID.randomUUID();
        if ("true".equals(request.getParameter("legacyHash"))) {
            insertAsAnOlderReleaseDid(username, platformDefaultHash.generate(password.toCharArray()));
        } else {
            adminUsers.createOperator(username, password.toCharArray());
        }
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder().add("username", username).add("password", password).build().toString());
    }

    /** {"algorithm": ..., "iterations": n} of the user's stored hash (never the hash itself). */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] hash = query(request.getParameter("username")).split(":");
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder().add("algorithm", hash[0])
                .add("iterations", Integer.parseInt(hash[1])).build().toString());
    }

    /**
     * A row as an older release left it, written past JPA so that no cached copy hides it (a negative
     * id: never one the sequence hands out).
     */
    private void insertAsAnOlderReleaseDid(String username, String passwordHash) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "insert into admin_user (id, username, password_hash, role, created_at) values (?, ?, ?, 'operator', current_timestamp)")) {
            statement.setLong(1, -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
            statement.setString(2, username);
            statement.setString(3, passwordHash);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String query(String username) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select password_hash from admin_user where username = ?")) {
            statement.setString(1, username);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("no admin user " + username);
                }
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
