package org.corpconnect.connection;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.ExchangeCredential.PasswordScheme;
import org.corpconnect.exchange.ExchangeCredential;

/**
 * What an admin enters for a connection: the dedicated mailbox, the access mode and the credential,
 * and where Exchange answers: the EWS URL typed for EWS, the operator's Graph endpoint for Graph.
 */
public record ConnectionSettings(URI endpoint, MailboxAddress serviceMailbox, AccessMode accessMode,
                                 ExchangeCredential credential) {

    /** Microsoft's cloud; a sovereign cloud or a test tenant names its own token endpoint. */
    public static final String MICROSOFT_AUTHORITY = "https://login.microsoftonline.com/";

    public ConnectionSettings {
        Objects.requireNonNull(serviceMailbox);
        Objects.requireNonNull(accessMode);
        Objects.requireNonNull(credential);
        endpoint = requireHttpUrl(endpoint, "ewsUrl", "The EWS URL", "https://mail.example.com/EWS/Exchange.asmx");
    }

    /**
     * On-premises: the dedicated mailbox's password. The user name defaults to the mailbox address
     * (a UPN); NTLM also takes {@code DOMAIN\\user}.
     */
    public static ConnectionSettings withPassword(URI ewsUrl, MailboxAddress serviceMailbox, AccessMode accessMode,
                                                  PasswordScheme scheme, String username, Secret password) {
        String user = username == null || username.isBlank() ? serviceMailbox.value() : username.strip();
        if (user.length() > 320 || user.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidConnection("username", "A user name is at most 320 characters, without control characters.");
        }
        return new ConnectionSettings(ewsUrl, serviceMailbox, accessMode,
                new ExchangeCredential.Password(user, requireSecret(password), Objects.requireNonNull(scheme)));
    }

    /**
     * Exchange Online: an app registration with {@code full_access_as_app}, always used with
     * impersonation of the dedicated mailbox or the user. Without a token endpoint, Microsoft's own.
     */
    public static ConnectionSettings withOAuthApp(URI ewsUrl, MailboxAddress serviceMailbox, AccessMode accessMode,
                                                  String tenant, String clientId, Secret clientSecret, URI tokenEndpoint) {
        String cleanTenant = requireWord(tenant, "tenant", "The tenant (its id or domain)");
        String cleanClient = requireWord(clientId, "clientId", "The application (client) id");
        URI endpoint = tokenEndpoint != null ? tokenEndpoint
                : URI.create(MICROSOFT_AUTHORITY + cleanTenant + "/oauth2/v2.0/token");
        return new ConnectionSettings(ewsUrl, serviceMailbox, accessMode, new ExchangeCredential.OAuthApp(cleanTenant,
                cleanClient, requireSecret(clientSecret),
                requireHttpUrl(endpoint, "tokenUrl", "The token endpoint", MICROSOFT_AUTHORITY + "contoso.onmicrosoft.com/oauth2/v2.0/token")));
    }

    /**
     * Exchange Online through Microsoft Graph, app-only (the central mode): an app registration with
     * the application permission {@code Calendars.ReadWrite}, scoped by RBAC for Applications to the
     * booking users and the dedicated mailbox. A certificate is preferred to a client secret.
     */
    public static ConnectionSettings withGraphApp(GraphCloud cloud, MailboxAddress serviceMailbox, String tenant,
                                                  String clientId, ExchangeCredential.AppSecret appSecret) {
        String cleanTenant = requireWord(tenant, "tenant", "The tenant (its id or domain)");
        String cleanClient = requireWord(clientId, "clientId", "The application (client) id");
        if (appSecret == null) {
            throw new InvalidConnection("clientSecret", "A client secret or a certificate is required.");
        }
        return new ConnectionSettings(cloud.endpoint(), serviceMailbox, AccessMode.IMPERSONATION,
                new ExchangeCredential.GraphApp(cloud.authority(cleanTenant), cleanClient, appSecret));
    }

    /**
     * Exchange Online through Microsoft Graph, delegated as the dedicated mailbox (the individual mode):
     * the mailbox just signed in ({@code signedIn}, from the connection page), reaching the calendars
     * users shared with it.
     */
    public static ConnectionSettings withGraphDelegated(GraphCloud cloud, MailboxAddress serviceMailbox,
                                                        ExchangeCredential.GraphDelegated signedIn) {
        return new ConnectionSettings(cloud.endpoint(), serviceMailbox, AccessMode.DELEGATION, Objects.requireNonNull(signedIn));
    }

    /** The Entra ID authority of the tenant an admin typed, checked as for every Graph app. */
    public static URI graphAuthority(GraphCloud cloud, String tenant) {
        return cloud.authority(requireWord(tenant, "tenant", "The tenant (its id or domain)"));
    }

    /** The application (client) id an admin typed, checked as for every app. */
    public static String clientId(String clientId) {
        return requireWord(clientId, "clientId", "The application (client) id");
    }

    /** Which protocol these settings speak: the credential tells. */
    public boolean graph() {
        return credential instanceof ExchangeCredential.GraphApp || credential instanceof ExchangeCredential.GraphDelegated;
    }

    /** The delegated sign-in (MSAL's token cache), stored encrypted beside the secret; none for other credentials. */
    public Optional<Secret> tokenCache() {
        return credential instanceof ExchangeCredential.GraphDelegated delegated
                ? Optional.of(delegated.tokenCache().load()) : Optional.empty();
    }

    /** The same settings with the credential as Exchange accepted it (the same secret, perhaps another scheme). */
    public ConnectionSettings withCredential(ExchangeCredential accepted) {
        return new ConnectionSettings(endpoint, serviceMailbox, accessMode, accepted);
    }

    /** The one secret of the credential, as stored encrypted. */
    public Secret secret() {
        if (credential instanceof ExchangeCredential.Password password) {
            return password.password();
        }
        if (credential instanceof ExchangeCredential.OAuthApp app) {
            return app.clientSecret();
        }
        var appSecret = credential instanceof ExchangeCredential.GraphDelegated delegated ? delegated.appSecret()
                : ((ExchangeCredential.GraphApp) credential).appSecret();
        return appSecret instanceof ExchangeCredential.AppSecret.ClientSecret secret ? secret.value()
                : ((ExchangeCredential.AppSecret.ClientCertificate) appSecret).pem();
    }

    private static Secret requireSecret(Secret secret) {
        if (secret == null) {
            throw new InvalidConnection("password", "The password or client secret is required.");
        }
        return secret;
    }

    private static String requireWord(String value, String field, String what) {
        if (value == null || value.isBlank() || value.length() > 200 || !value.strip().matches("[A-Za-z0-9._-]+")) {
            throw new InvalidConnection(field, what + " is required: letters, digits, dots, dashes, at most 200.");
        }
        return value.strip();
    }

    private static URI requireHttpUrl(URI url, String field, String what, String example) {
        if (url == null || url.getHost() == null
                || !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
            throw new InvalidConnection(field, what + " must be an http(s) address, for example " + example + ".");
        }
        return url;
    }
}
