package org.corpconnect.admin;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.corpconnect.BusinessException;
import org.corpconnect.account.Account;
import org.corpconnect.account.AccountSlug;
import org.corpconnect.account.Accounts;
import org.corpconnect.admin.admins.AdminsPage;
import org.corpconnect.admin.apikeys.ApiKeysPage;
import org.corpconnect.admin.audit.AuditPage;
import org.corpconnect.admin.bookings.BookingsPage;
import org.corpconnect.admin.connection.ConnectionPage;
import org.corpconnect.admin.sync.SyncPage;
import org.corpconnect.admin.users.UsersPage;
import org.corpconnect.admin.week.WeekPage;
import org.corpconnect.admin.webhooks.WebhooksPage;
import org.corpconnect.signin.AdminRole;
import org.corpconnect.signin.AdminUser;
import org.corpconnect.signin.AdminUsers;

/**
 * {@code /admin/accounts/{key}/{page}}: finds the account, lets only its admins and the operators in
 * (to anyone else it does not exist), and hands the request to the page.
 */
@WebServlet("/admin/accounts/*")
@MultipartConfig(maxFileSize = 2 * 1024 * 1024, maxRequestSize = 3 * 1024 * 1024)
public class AccountPages extends HttpServlet {

    @Inject
    private Accounts accounts;

    @Inject
    private AdminUsers adminUsers;

    @Inject
    private Instance<ConnectionPage> connection;

    @Inject
    private Instance<UsersPage> users;

    @Inject
    private Instance<SyncPage> sync;

    @Inject
    private Instance<BookingsPage> bookings;

    @Inject
    private Instance<ApiKeysPage> apiKeys;

    @Inject
    private Instance<AuditPage> audit;

    @Inject
    private Instance<WeekPage> week;

    @Inject
    private Instance<AdminsPage> admins;

    @Inject
    private Instance<WebhooksPage> webhooks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Optional<PageRequest> page = resolve(request, response);
        if (page.isPresent()) {
            pageNamed(request).orElseThrow().show(page.get());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Optional<PageRequest> page = resolve(request, response);
        if (page.isPresent()) {
            try {
                pageNamed(request).orElseThrow().change(page.get());
            } catch (BusinessException | NumberFormatException refused) {
                // A form that names something not there (a removed user, a tampered id): say so, change nothing.
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, refused instanceof BusinessException
                        ? refused.getMessage() : "The form names nothing on this page. Reload the page and try again.");
            }
        }
    }

    private Optional<PageRequest> resolve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = pathParts(request);
        Optional<AdminUser> me = Optional.ofNullable(request.getRemoteUser()).flatMap(adminUsers::find);
        Optional<Account> account = parts.length == 2 ? slug(parts[0]).flatMap(accounts::findBySlug) : Optional.empty();
        if (me.isEmpty() || account.isEmpty() || pageNamed(request).isEmpty() || !mayOpen(me.get(), account.get())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such page.");
            return Optional.empty();
        }
        return Optional.of(new PageRequest(request, response, account.get(), me.get()));
    }

    public static boolean mayOpen(AdminUser me, Account account) {
        return me.role() == AdminRole.OPERATOR || me.accountId().map(id -> id.equals(account.id())).orElse(false);
    }

    private Optional<AccountPage> pageNamed(HttpServletRequest request) {
        String[] parts = pathParts(request);
        if (parts.length != 2) {
            return Optional.empty();
        }
        Map<String, Instance<? extends AccountPage>> pages = Map.of("connection", connection, "users", users,
                "sync", sync, "bookings", bookings, "api-keys", apiKeys, "audit", audit, "week", week, "admins", admins,
                "webhooks", webhooks);
        return Optional.ofNullable(pages.get(parts[1])).map(Instance::get);
    }

    private static String[] pathParts(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null ? new String[0] : path.replaceFirst("^/", "").split("/");
    }

    private static Optional<AccountSlug> slug(String value) {
        try {
            return Optional.of(new AccountSlug(value));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
