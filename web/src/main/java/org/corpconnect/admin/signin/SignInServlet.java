package org.corpconnect.admin.signin;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.corpconnect.admin.AdminAuthentication;
import org.corpconnect.admin.Csrf;

/**
 * The sign-in form; the check itself is Jakarta Security's ({@link AdminAuthentication}), against the PBKDF2
 * hashes, throttled per user name and client address ({@link SignInThrottle}) with the same answers for
 * every name. Once signed in, the admin goes on to the page asked for before, if any.
 */
@WebServlet("/admin/login")
public class SignInServlet extends HttpServlet {

    @Inject
    private SecurityContext security;

    @Inject
    private SignInThrottle throttle;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getRemoteUser() != null) {
            response.sendRedirect(request.getContextPath() + "/admin/");
            return;
        }
        show(request, response, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            show(request, response, "Enter your user name and password.");
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.waitFor(username, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            show(request, response, "Too many failed sign-ins. Try again in " + seconds + (seconds == 1 ? " second." : " seconds."));
            return;
        }
        throttle.attempting(username, address);
        request.changeSessionId(); // a new session id at sign-in: no fixation
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username.strip(), new Password(password))));
        if (status == AuthenticationStatus.SUCCESS) {
            throttle.succeeded(username, address);
            response.sendRedirect(AdminAuthentication.pageAskedFor(request).orElse(request.getContextPath() + "/admin/"));
        } else if (status != AuthenticationStatus.SEND_CONTINUE) {
            show(request, response, "Wrong user name or password.");
        }
    }

    private static void show(HttpServletRequest request, HttpServletResponse response, String error)
            throws ServletException, IOException {
        request.setAttribute("csrf", Csrf.token(request));
        request.setAttribute("error", error);
        request.getRequestDispatcher("/WEB-INF/jsp/admin/login.jsp").forward(request, response);
    }
}
