package org.corpconnect.admin.admins;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.corpconnect.BusinessException;
import org.corpconnect.admin.AccountPage;
import org.corpconnect.admin.PageRequest;
import org.corpconnect.admin.signin.SignInThrottle;
import org.corpconnect.signin.AdminRole;
import org.corpconnect.signin.AdminUsers;

/**
 * The account's admins: add one, remove one (never the last), and, for an admin of the account,
 * their own password. An operator manages the admins of any account; an admin only those of their
 * own ({@code AccountPages} lets nobody else in).
 */
@RequestScoped
public class AdminsPage implements AccountPage {

    @Inject
    private AdminUsers adminUsers;

    @Inject
    private SignInThrottle throttle;

    @Override
    public void show(PageRequest page) throws ServletException, IOException {
        page.set("admins", adminUsers.ofAccount(page.account().id()))
                .set("ownAccount", page.me().role() == AdminRole.ADMIN)
                .render("admins");
    }

    @Override
    public void change(PageRequest page) throws ServletException, IOException {
        switch (page.param("action")) {
            case "add" -> add(page);
            case "remove" -> remove(page);
            case "password" -> changePassword(page);
            default -> show(page);
        }
    }

    private void add(PageRequest page) throws ServletException, IOException {
        String password = page.http().getParameter("password");
        try {
            adminUsers.createAdmin(page.account(), page.param("username"), password == null ? null : password.toCharArray(),
                    page.me().username());
            page.redirect("admins", "Admin " + page.param("username") + " added: they sign in with the password you gave.");
        } catch (BusinessException e) {
            page.error("username", e.getMessage());
            show(page);
        }
    }

    private void remove(PageRequest page) throws ServletException, IOException {
        String username = page.param("username");
        try {
            adminUsers.removeAdmin(page.account(), username, page.me().username());
        } catch (BusinessException e) {
            page.error("admins", e.getMessage());
            show(page);
            return;
        }
        if (username.equals(page.me().username())) {
            // Removed themselves: this session belongs to nobody any more.
            page.http().logout();
            page.http().getSession().invalidate();
            page.response().sendRedirect(page.http().getContextPath() + "/admin/login");
            return;
        }
        page.redirect("admins", "Admin " + username + " removed: they can no longer sign in.");
    }

    /** Wrong current passwords count as failed sign-ins of the name: an open session is no way to guess it. */
    private void changePassword(PageRequest page) throws ServletException, IOException {
        if (page.me().role() != AdminRole.ADMIN) {
            page.error("currentPassword", "An operator's password is not changed on an account's page.");
            show(page);
            return;
        }
        String current = page.http().getParameter("currentPassword");
        String replacement = page.http().getParameter("newPassword");
        String repeated = page.http().getParameter("repeatPassword");
        if (replacement == null || !replacement.equals(repeated)) {
            page.error("repeatPassword", "The two new passwords differ.");
            show(page);
            return;
        }
        String username = page.me().username();
        String address = page.http().getRemoteAddr();
        Optional<Duration> wait = throttle.waitFor(username, address);
        if (wait.isPresent()) {
            page.error("currentPassword", "Too many wrong passwords. Try again in " + Math.max(1, wait.get().toSeconds()) + " seconds.");
            show(page);
            return;
        }
        throttle.attempting(username, address);
        try {
            adminUsers.changeOwnPassword(username, current == null ? null : current.toCharArray(), replacement.toCharArray());
        } catch (AdminUsers.AdminChangeRefused wrongCurrent) {
            page.error("currentPassword", wrongCurrent.getMessage());
            show(page);
            return;
        } catch (BusinessException invalid) {
            throttle.succeeded(username, address);
            page.error("newPassword", invalid.getMessage());
            show(page);
            return;
        }
        throttle.succeeded(username, address);
        page.redirect("admins", "Your password is changed: use the new one at your next sign-in.");
    }
}
