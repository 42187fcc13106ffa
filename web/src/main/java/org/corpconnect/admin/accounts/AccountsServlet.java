package org.corpconnect.admin.accounts;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.corpconnect.BusinessException;
import org.corpconnect.account.Account;
import org.corpconnect.account.AccountSlug;
import org.corpconnect.account.Accounts;
import org.corpconnect.admin.Csrf;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.SecretExpiryWarnings;
import org.corpconnect.signin.AdminRole;
import org.corpconnect.signin.AdminUser;
import org.corpconnect.signin.AdminUsers;

/**
 * {@code /admin/} and {@code /admin/accounts}: an admin goes straight to their account; an operator
 * sees all accounts and creates new ones, each with its first admin.
 */
@WebServlet({"/admin/", "/admin/accounts"})
public class AccountsServlet extends HttpServlet {

    @Inject
    private Accounts accounts;

    @Inject
    private AdminUsers adminUsers;

    @Inject
    private Connections connections;

    @Inject
    private SecretExpiryWarnings expiryWarnings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Optional<AdminUser> me = Optional.ofNullable(request.getRemoteUser()).flatMap(adminUsers::find);
        if (me.isEmpty()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Not an admin of these pages.");
            return;
        }
        if (me.get().role() == AdminRole.ADMIN) {
            long accountId = me.get().accountId().orElseThrow();
            Account own = accounts.all().stream().filter(a -> a.id() == accountId).findFirst().orElseThrow();
            response.sendRedirect(request.getContextPath() + "/admin/accounts/" + own.slug().value() + "/connection");
            return;
        }
        show(request, response, me.get(), Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Optional<AdminUser> me = Optional.ofNullable(request.getRemoteUser()).flatMap(adminUsers::find);
        if (me.isEmpty() || me.get().role() != AdminRole.OPERATOR) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such page.");
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String slug = param(request, "slug");
        String name = param(request, "name");
        String adminName = param(request, "adminUsername");
        String adminPassword = request.getParameter("adminPassword");
        AccountSlug accountSlug = null;
        try {
            accountSlug = new AccountSlug(slug);
        } catch (BusinessException e) {
            errors.put("slug", e.getMessage());
        }
        if (name.isEmpty()) {
            errors.put("name", "A name is required.");
        }
        if (adminUsers.find(adminName).isPresent()) {
            errors.put("adminUsername", "This user name is taken.");
        }
        if (errors.isEmpty()) {
            try {
                adminUsers.createAccountWithAdmin(accountSlug, name, adminName,
                        adminPassword == null ? null : adminPassword.toCharArray(), me.get().username());
                request.getSession().setAttribute("flash", "Account " + accountSlug + " created with its admin " + adminName + ".");
                response.sendRedirect(request.getContextPath() + "/admin/accounts");
                return;
            } catch (BusinessException e) {
                errors.put("account", e.getMessage());
            }
        }
        show(request, response, me.get(), errors);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, AdminUser me, Map<String, String> errors)
            throws ServletException, IOException {
        // The operator's view of every account's connection: what /health/ready only counts.
        var rows = accounts.all().stream().map(a -> {
            Map<String, Object> row = new HashMap<>();
            row.put("account", a);
            connections.findFor(a.id()).ifPresent(c -> {
                row.put("connection", c);
                expiryWarnings.of(c).ifPresent(expiry -> row.put("secretExpiry", expiry));
            });
            return row;
        }).toList();
        request.setAttribute("rows", rows);
        request.setAttribute("me", me);
        request.setAttribute("errors", errors);
        request.setAttribute("csrf", Csrf.token(request));
        Object flash = request.getSession().getAttribute("flash");
        if (flash != null) {
            request.setAttribute("flash", flash);
            request.getSession().removeAttribute("flash");
        }
        request.getRequestDispatcher("/WEB-INF/jsp/admin/accounts.jsp").forward(request, response);
    }

    private static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }
}
