package org.corpconnect.admin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.corpconnect.account.Account;
import org.corpconnect.signin.AdminUser;

/**
 * One request to an account's page: who asks, for which account, and the form errors to show next
 * to their fields. Views get {@code account}, {@code me}, {@code csrf}, {@code errors} and {@code flash}.
 */
public final class PageRequest {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Account account;
    private final AdminUser me;
    private final Map<String, String> errors = new LinkedHashMap<>();

    PageRequest(HttpServletRequest request, HttpServletResponse response, Account account, AdminUser me) {
        this.request = request;
        this.response = response;
        this.account = account;
        this.me = me;
    }

    public HttpServletRequest http() {
        return request;
    }

    public HttpServletResponse response() {
        return response;
    }

    public Account account() {
        return account;
    }

    public AdminUser me() {
        return me;
    }

    public String param(String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }

    public void error(String field, String message) {
        errors.put(field, message);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public PageRequest set(String name, Object value) {
        request.setAttribute(name, value);
        return this;
    }

    /** Shows the view of this page; the form's entries stay in the fields ({@code param.x} in the view). */
    public void render(String view) throws ServletException, IOException {
        request.setAttribute("account", account);
        request.setAttribute("me", me);
        request.setAttribute("csrf", Csrf.token(request));
        request.setAttribute("errors", errors);
        Object flash = request.getSession().getAttribute("flash");
        if (flash != null) {
            request.setAttribute("flash", flash);
            request.getSession().removeAttribute("flash");
        }
        request.getRequestDispatcher("/WEB-INF/jsp/admin/" + view + ".jsp").forward(request, response);
    }

    /** After a successful change: show the page again (post, redirect, get) with a message. */
    public void redirect(String page, String message) throws IOException {
        request.getSession().setAttribute("flash", message);
        response.sendRedirect(request.getContextPath() + "/admin/accounts/" + account.slug().value() + "/" + page);
    }
}
