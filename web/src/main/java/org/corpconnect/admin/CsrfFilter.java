package org.corpconnect.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.corpconnect.admin.mailboxsignin.MailboxSignInServlet;

/** Refuses every state-changing request of the admin pages that lacks the session's CSRF token. */
@WebFilter("/admin/*")
public class CsrfFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Scripts only from the pages' own files (admin-static/times.js), never inline: text typed into a page never runs.
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) && !signInCallback(request)
                && !validOrTooLarge(request, response)) {
            if (!response.isCommitted()) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN,
                        "This form has expired or did not come from these pages. Reload the page and try again.");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Entra ID's POST of the dedicated mailbox's sign-in cannot carry the token: its single-use state,
     * checked in the admin's session when the sign-in is finished, stands for it (MailboxSignInServlet).
     */
    private static boolean signInCallback(HttpServletRequest request) {
        return (request.getContextPath() + MailboxSignInServlet.CALLBACK).equals(request.getRequestURI());
    }

    /**
     * Reading the token parses a multipart body, and the container refuses one over the page's limit
     * (AccountPages: 2 MB a file) with an IllegalStateException: that is the upload's fault, so 413 in words.
     */
    private static boolean validOrTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            return Csrf.valid(request);
        } catch (IllegalStateException tooLarge) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "The file is larger than 2 MB. Split the list into smaller files and import them one by one.");
            return false;
        }
    }
}
