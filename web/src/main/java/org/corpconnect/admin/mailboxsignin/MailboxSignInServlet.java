package org.corpconnect.admin.mailboxsignin;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.BusinessException;
import org.corpconnect.account.Account;
import org.corpconnect.account.AccountSlug;
import org.corpconnect.account.Accounts;
import org.corpconnect.admin.AccountPages;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.ConnectionSettings;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.ExchangeConnection;
import org.corpconnect.connection.GraphCloud;
import org.corpconnect.connection.InvalidConnection;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.graph.MailboxSignIn;
import org.corpconnect.signin.AdminUser;
import org.corpconnect.signin.AdminUsers;

/**
 * {@code /admin/graph-sign-in/start} (POST from the connection page), {@code /callback} (Entra ID's
 * form_post, open) and {@code /finish} (GET, in the admin's session): the dedicated mailbox's sign-in.
 */
@WebServlet("/admin/graph-sign-in/*")
public class MailboxSignInServlet extends HttpServlet {

    /** The path Entra ID posts the answer to; registered as the app's redirect URI (shown on the connection page). */
    public static final String CALLBACK = "/admin/graph-sign-in/callback";

    private static final String STATES = MailboxSignInServlet.class.getName() + ".states";

    @Inject
    private Accounts accounts;

    @Inject
    private AdminUsers adminUsers;

    @Inject
    private Connections connections;

    @Inject
    private GraphCloud cloud;

    @Inject
    private MailboxSignIn signIn;

    @Inject
    private PendingSignIns pending;

    /** The redirect URI of this server, as the admin's browser reaches it (default ports left out, as Entra ID compares them). */
    public static String redirectUri(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath()
                + CALLBACK;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        switch (String.valueOf(request.getPathInfo())) {
            case "/start" -> start(request, response);
            case "/callback" -> callback(request, response);
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such page.");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/finish".equals(request.getPathInfo())) {
            finish(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such page.");
        }
    }

    /** Checks the form, keeps the pending sign-in, sends the browser to Entra ID's sign-in page. */
    private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<AdminUser> me = Optional.ofNullable(request.getRemoteUser()).flatMap(adminUsers::find);
        Optional<Account> account = slug(request.getParameter("account")).flatMap(accounts::findBySlug);
        if (me.isEmpty() || account.isEmpty() || !AccountPages.mayOpen(me.get(), account.get())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such page.");
            return;
        }
        try {
            MailboxAddress mailbox = new MailboxAddress(param(request, "serviceMailbox"));
            URI authority = ConnectionSettings.graphAuthority(cloud, param(request, "tenant"));
            String clientId = ConnectionSettings.clientId(param(request, "clientId"));
            ExchangeCredential.AppSecret app = appSecret(request, account.get(), authority, clientId);
            URI redirect = URI.create(redirectUri(request));
            MailboxSignIn.Started started = signIn.start(authority, clientId, app, mailbox, redirect);
            pending.put(started.state(), new PendingSignIns.Pending(account.get().id(), account.get().slug().value(),
                    me.get().username(), mailbox, authority, clientId, app, redirect, started.codeVerifier(),
                    Instant.now().plus(PendingSignIns.LIFETIME), Optional.empty()));
            statesOf(request.getSession()).add(started.state());
            response.sendRedirect(started.authorizationUrl().toString());
        } catch (BusinessException refused) {
            backToConnection(request, response, account.get().slug().value(),
                    "The dedicated mailbox was not signed in, nothing was changed: " + refused.getMessage());
        }
    }

    /** Entra ID's answer, without the admin's cookie: parked beside its sign-in, then on to {@code /finish} from this site. */
    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String state = request.getParameter("state");
        String code = request.getParameter("code");
        PendingSignIns.Answer answer = new PendingSignIns.Answer(
                code == null || code.isEmpty() ? Optional.empty() : Optional.of(Secret.of(code)),
                printable(request.getParameter("error")), printable(request.getParameter("error_description")));
        if (!pending.answer(state, answer)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "This sign-in is unknown, already finished or older"
                    + " than 10 minutes. Start it again from the connection page.");
            return;
        }
        request.setAttribute("finishUrl", request.getContextPath() + "/admin/graph-sign-in/finish?state=" + state);
        request.getRequestDispatcher("/WEB-INF/jsp/admin/mailbox-sign-in-return.jsp").forward(request, response);
    }

    /**
     * In the admin's session: the state must be one this session started. Redeems the code, checks the
     * account is the dedicated mailbox, tests the connection and only then saves it.
     */
    private void finish(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String state = request.getParameter("state");
        HttpSession session = request.getSession();
        Optional<PendingSignIns.Pending> started = state != null && statesOf(session).remove(state)
                ? pending.take(state) : Optional.empty();
        Optional<AdminUser> me = Optional.ofNullable(request.getRemoteUser()).flatMap(adminUsers::find);
        Optional<Account> account = started.flatMap(p -> slug(p.accountSlug())).flatMap(accounts::findBySlug)
                .filter(a -> a.id() == started.get().accountId());
        if (started.isEmpty() || me.isEmpty() || account.isEmpty() || !AccountPages.mayOpen(me.get(), account.get())
                || !me.get().username().equals(started.get().admin())) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "This sign-in was not started in this session, was"
                    + " finished already or is older than 10 minutes. Start it again from the connection page.");
            return;
        }
        PendingSignIns.Pending p = started.get();
        PendingSignIns.Answer answer = p.answer().orElse(new PendingSignIns.Answer(Optional.empty(), "no_answer", ""));
        String slug = p.accountSlug();
        if (answer.code().isEmpty()) {
            backToConnection(request, response, slug, "Entra ID did not sign the dedicated mailbox in ("
                    + answer.error() + (answer.errorDescription().isEmpty() ? "" : ": " + answer.errorDescription())
                    + "); nothing was changed.");
            return;
        }
        try {
            ExchangeCredential.GraphDelegated signedIn = signIn.finish(p.authority(), p.clientId(), p.appSecret(),
                    p.mailbox(), p.redirectUri(), answer.code().get().reveal(), p.codeVerifier());
            connections.connect(account.get(), ConnectionSettings.withGraphDelegated(cloud, p.mailbox(), signedIn), false,
                    me.get().username());
            backToConnection(request, response, slug, "The dedicated mailbox " + p.mailbox() + " signed in and was tested;"
                    + " the connection is saved. Every user's busy time is being refreshed with it.");
        } catch (BusinessException refused) { // Entra ID, the test or a save meanwhile refused it
            backToConnection(request, response, slug, "The dedicated mailbox's sign-in was not saved, the connection"
                    + " is unchanged: " + refused.getMessage());
        }
    }

    /**
     * The app's secret as typed; left empty when the account is already connected this way with the same
     * app, the stored one (signing the mailbox in again needs no secret).
     */
    private ExchangeCredential.AppSecret appSecret(HttpServletRequest request, Account account, URI authority,
            String clientId) {
        String typed = request.getParameter("clientSecret");
        if (typed != null && !typed.isEmpty()) {
            return new ExchangeCredential.AppSecret.ClientSecret(Secret.of(typed), Optional.empty());
        }
        Optional<ExchangeConnection> current = connections.findFor(account).filter(ExchangeConnection::delegated);
        if (current.isPresent() && current.get().oauthClientId().orElse("").equals(clientId)
                && current.get().oauthTokenUrl().orElse("").equals(authority.toString())) {
            return ((ExchangeCredential.GraphDelegated) connections.accessOf(current.get()).credential()).appSecret();
        }
        throw new InvalidConnection("clientSecret", "The app's client secret is required (it is kept only while the"
                + " same app stays connected).");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> statesOf(HttpSession session) {
        synchronized (session) {
            Set<String> states = (Set<String>) session.getAttribute(STATES);
            if (states == null) {
                states = Collections.synchronizedSet(new HashSet<>());
                session.setAttribute(STATES, states);
            }
            return states;
        }
    }

    private static void backToConnection(HttpServletRequest request, HttpServletResponse response, String slug,
            String message) throws IOException {
        request.getSession().setAttribute("flash", message);
        response.sendRedirect(request.getContextPath() + "/admin/accounts/" + slug + "/connection");
    }

    private static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }

    /** Entra's error texts as shown to the admin: printable, and not too long. */
    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 300 ? clean.substring(0, 300) + "..." : clean;
    }

    private static Optional<AccountSlug> slug(String value) {
        try {
            return Optional.of(new AccountSlug(value));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
