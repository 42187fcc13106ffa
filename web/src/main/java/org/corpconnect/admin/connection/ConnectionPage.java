package org.corpconnect.admin.connection;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.corpconnect.BusinessException;
import org.corpconnect.admin.AccountPage;
import org.corpconnect.admin.PageRequest;
import org.corpconnect.admin.mailboxsignin.MailboxSignInServlet;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.ConnectionSettings;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.ExchangeConnection;
import org.corpconnect.connection.GraphCloud;
import org.corpconnect.connection.SecretExpiryWarnings;
import org.corpconnect.connection.InvalidConnection;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeGateway;
import org.corpconnect.exchange.outbound.OutboundPolicy;
import org.corpconnect.exchange.outbound.OutboundRefused;

@RequestScoped
public class ConnectionPage implements AccountPage {

    @Inject
    private Connections connections;

    @Inject
    private ExchangeGateway exchange;

    @Inject
    private OutboundPolicy outbound;

    @Inject
    private GraphCloud graphCloud;

    @Inject
    private SecretExpiryWarnings expiryWarnings;

    @Override
    public void show(PageRequest page) throws ServletException, IOException {
        Optional<ExchangeConnection> connection = connections.findFor(page.account().id());
        page.set("connection", connection.orElse(null))
                .set("mailboxSignInRedirectUri", MailboxSignInServlet.redirectUri(page.http()))
                .set("secretExpiry", connection.flatMap(expiryWarnings::of).orElse(null))
                .set("warningDays", expiryWarnings.warningDays())
                .render("connection");
    }

    @Override
    public void change(PageRequest page) throws ServletException, IOException {
        if ("discover".equals(page.param("action"))) {
            discover(page);
            show(page);
            return;
        }
        Optional<ConnectionSettings> settings = graph(page) ? graphSettings(page) : settings(page).filter(s -> allowed(page, s));
        if (settings.isEmpty()) {
            show(page);
            return;
        }
        try {
            connections.connect(page.account(), settings.get(), "on".equals(page.param("force")), page.me().username());
            page.redirect("connection", "Connection saved. Every user's busy time is being refreshed with it.");
        } catch (ExchangeException refused) {
            page.error(secretField(page), (graph(page) ? "Microsoft Graph or Entra ID refused it" : "Exchange refused it")
                    + ", nothing was changed: " + refused.getMessage());
            show(page);
        } catch (InvalidConnection changedMeanwhile) {
            page.error(secretField(page), changedMeanwhile.getMessage());
            show(page);
        }
    }

    /** Which protocol the form's settings speak: EWS (on-premises) or Microsoft Graph (Exchange Online). */
    private static boolean graph(PageRequest page) {
        return "GRAPH".equals(page.param("protocol"));
    }

    /**
     * The Graph part of the form, in the mode chosen: central (app-only, RBAC for Applications). Graph's
     * and Entra ID's addresses are the operator's, never typed here, so there is no URL to check.
     */
    private Optional<ConnectionSettings> graphSettings(PageRequest page) throws ServletException, IOException {
        Optional<MailboxAddress> mailbox = mailbox(page);
        if (!"CENTRAL".equals(page.param("graphMode"))) {
            page.error("graphMode", "Choose how the app reaches users' calendars.");
            return Optional.empty();
        }
        Optional<ConnectionSettings> settings = GraphCentralForm.read(page, graphCloud,
                mailbox.orElse(PLACEHOLDER_MAILBOX));
        return mailbox.isPresent() ? settings : Optional.empty();
    }

    /** Autodiscover: the EWS URL from the mailbox address and the credential, put into the form. */
    private void discover(PageRequest page) {
        Optional<MailboxAddress> mailbox = mailbox(page);
        Optional<ConnectionSettings> credentialOnly = mailbox.flatMap(m -> settings(page, m, PLACEHOLDER_URL));
        if (credentialOnly.isEmpty()) {
            return;
        }
        String autodiscover = page.param("autodiscoverUrl");
        if (!allowed(page, credentialOnly.get().credential(), "tokenUrl")) {
            return;
        }
        try {
            if (!autodiscover.isEmpty() && !allowed(page, new URI(autodiscover), "autodiscoverUrl")) {
                return;
            }
            URI found = exchange.discoverEwsUrl(mailbox.get(), credentialOnly.get().credential(),
                    autodiscover.isEmpty() ? Optional.empty() : Optional.of(new URI(autodiscover)));
            page.set("discoveredEwsUrl", found.toString());
        } catch (URISyntaxException | BusinessException e) {
            page.error("autodiscoverUrl", "Autodiscover found no EWS URL: " + e.getMessage());
        }
    }

    /**
     * The URLs the server would call, checked against the operator's allow-list when they are saved, so
     * that the answer appears next to the field; each connection is checked again when it is made.
     */
    private boolean allowed(PageRequest page, ConnectionSettings settings) {
        return allowed(page, settings.endpoint(), "ewsUrl") & allowed(page, settings.credential(), "tokenUrl");
    }

    private boolean allowed(PageRequest page, ExchangeCredential credential, String field) {
        return !(credential instanceof ExchangeCredential.OAuthApp app) || allowed(page, app.tokenEndpoint(), field);
    }

    private boolean allowed(PageRequest page, URI url, String field) {
        try {
            outbound.checkUrl(url);
            return true;
        } catch (OutboundRefused refused) {
            page.error(field, refused.getMessage());
            return false;
        }
    }

    /** Stands in for a mailbox address the form got wrong, so that its other fields are still checked; never stored. */
    private static final MailboxAddress PLACEHOLDER_MAILBOX = new MailboxAddress("dedicated-mailbox@example.invalid");

    /** Stands in for the EWS URL while Autodiscover is still to find it; never stored. */
    private static final URI PLACEHOLDER_URL = URI.create("https://ews-url.invalid/EWS/Exchange.asmx");

    private static Optional<ConnectionSettings> settings(PageRequest page) {
        Optional<MailboxAddress> mailbox = mailbox(page);
        URI ewsUrl = null;
        try {
            ewsUrl = new URI(page.param("ewsUrl"));
        } catch (URISyntaxException e) {
            page.error("ewsUrl", "Not a URL; for example https://mail.example.com/EWS/Exchange.asmx.");
        }
        return mailbox.isEmpty() || ewsUrl == null ? Optional.empty() : settings(page, mailbox.get(), ewsUrl);
    }

    /** The form as settings; each bad field gets its message and no settings come back. */
    private static Optional<ConnectionSettings> settings(PageRequest page, MailboxAddress mailbox, URI ewsUrl) {
        AccessMode mode = "DELEGATION".equals(page.param("accessMode")) ? AccessMode.DELEGATION : AccessMode.IMPERSONATION;
        String secret = page.http().getParameter(secretField(page));
        if (secret == null || secret.isEmpty()) {
            page.error(secretField(page), "Required: the credential is tested, stored encrypted and never shown again.");
            return Optional.empty();
        }
        try {
            if ("OAUTH_APP".equals(page.param("authMethod"))) {
                String tokenUrl = page.param("tokenUrl");
                return Optional.of(ConnectionSettings.withOAuthApp(ewsUrl, mailbox, mode, page.param("tenant"),
                        page.param("clientId"), Secret.of(secret), tokenUrl.isEmpty() ? null : URI.create(tokenUrl)));
            }
            var scheme = "NTLM".equals(page.param("passwordScheme")) ? ExchangeCredential.PasswordScheme.NTLM
                    : ExchangeCredential.PasswordScheme.BASIC;
            return Optional.of(ConnectionSettings.withPassword(ewsUrl, mailbox, mode, scheme, page.param("username"),
                    Secret.of(secret)));
        } catch (InvalidConnection e) {
            page.error(e.field().orElse("ewsUrl"), e.getMessage());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            page.error("tokenUrl", "Not a URL: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<MailboxAddress> mailbox(PageRequest page) {
        try {
            return Optional.of(new MailboxAddress(page.param("serviceMailbox")));
        } catch (BusinessException e) {
            page.error("serviceMailbox", e.getMessage());
            return Optional.empty();
        }
    }

    private static String secretField(PageRequest page) {
        if (graph(page)) {
            return GraphCentralForm.credentialField(page);
        }
        return "OAUTH_APP".equals(page.param("authMethod")) ? "clientSecret" : "password";
    }
}
