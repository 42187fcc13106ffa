package org.corpconnect.connection;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.corpconnect.account.Account;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.AppCertificate;
import org.corpconnect.exchange.DelegatedTokenCache;
import org.corpconnect.exchange.ExchangeCredential.PasswordScheme;
import org.corpconnect.exchange.ExchangeCredential;

@Entity
@Table(name = "exchange_connection")
@Cacheable(false) // Its status is written by conditional bulk updates, which bypass the shared cache.
@NamedQuery(name = "ExchangeConnection.ofAccount",
        query = "select c from ExchangeConnection c where c.account.id = :accountId")
@NamedQuery(name = "ExchangeConnection.all", query = "select c from ExchangeConnection c")
@NamedQuery(name = "ExchangeConnection.countByStatus",
        query = "select c.status, count(c) from ExchangeConnection c group by c.status")
@NamedQuery(name = "ExchangeConnection.succeeded",
        query = "update ExchangeConnection c set c.status = org.corpconnect.connection.ConnectionStatus.HEALTHY,"
                + " c.statusDetail = null, c.lastSuccessAt = :at"
                + " where c.account.id = :accountId and c.credentialGeneration = :generation and c.status <> :rejected")
@NamedQuery(name = "ExchangeConnection.tokenCache",
        query = "select c.tokenCacheCiphertext from ExchangeConnection c"
                + " where c.account.id = :accountId and c.credentialGeneration = :generation")
@NamedQuery(name = "ExchangeConnection.replaceTokenCache",
        query = "update ExchangeConnection c set c.tokenCacheCiphertext = :updated"
                + " where c.account.id = :accountId and c.credentialGeneration = :generation"
                + " and c.tokenCacheCiphertext = :read")
@NamedQuery(name = "ExchangeConnection.failed",
        query = "update ExchangeConnection c set c.status = :status, c.statusDetail = :detail, c.lastFailureAt = :at"
                + " where c.account.id = :accountId and c.credentialGeneration = :generation and c.status <> :rejected")
public class ExchangeConnection {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exchange_connection_seq")
    @SequenceGenerator(name = "exchange_connection_seq", sequenceName = "exchange_connection_seq", allocationSize = 50)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    /** The EWS URL, or Graph's base URL (the operator's) for a Graph connection. */
    @Column(name = "ews_url", nullable = false, length = 2000)
    private String endpoint;

    @Column(name = "service_mailbox", nullable = false, length = 320)
    private String serviceMailbox;

    @Enumerated(EnumType.STRING)
    @Column(name = "access_mode", nullable = false, length = 20)
    private AccessMode accessMode;

    /**
     * The credential's kind: EWS with a password or an OAuth app; Graph app-only with a secret or a
     * certificate; Graph delegated as the dedicated mailbox, its app with a secret or a certificate.
     */
    public enum AuthMethod {
        PASSWORD, OAUTH_APP, GRAPH_SECRET, GRAPH_CERTIFICATE, GRAPH_DELEGATED_SECRET, GRAPH_DELEGATED_CERTIFICATE
    }

    @Enumerated(EnumType.STRING)
    @Column(name = "auth_method", nullable = false, length = 30)
    private AuthMethod authMethod;

    @Enumerated(EnumType.STRING)
    @Column(name = "password_scheme", length = 10)
    private PasswordScheme passwordScheme;

    @Column(length = 320)
    private String username;

    @Column(name = "oauth_tenant", length = 200)
    private String oauthTenant;

    @Column(name = "oauth_client_id", length = 200)
    private String oauthClientId;

    /** The token endpoint for EWS's OAuth app, the Entra ID authority for Graph. */
    @Column(name = "oauth_token_url", length = 2000)
    private String oauthTokenUrl;

    /** When a Graph app's client secret or certificate stops working, if known. */
    @Column(name = "secret_expires")
    private LocalDate secretExpires;

    /** A Graph app's certificate as Entra ID lists it: its SHA-1 thumbprint (not a secret). */
    @Column(name = "certificate_thumbprint", length = 64)
    private String certificateThumbprint;

    @Column(name = "secret_ciphertext", nullable = false, length = 20000)
    private String secretCiphertext;

    /** Graph delegated: the dedicated mailbox's sign-in (MSAL's token cache), encrypted; rewritten at each refresh. */
    @Column(name = "token_cache_ciphertext", length = 100000)
    private String tokenCacheCiphertext;

    /** Bumped by every credential change: work started with an older generation is not trusted. */
    @Column(name = "credential_generation", nullable = false)
    private long credentialGeneration;

    /**
     * The credential generation since which items are named as now: set when the account moves between
     * protocols (their item ids differ), so that refs named before are carried over before use.
     */
    @Column(name = "item_naming_since", nullable = false)
    private long itemNamingSince;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ConnectionStatus status;

    @Column(name = "status_detail", length = 1000)
    private String statusDetail;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    protected ExchangeConnection() {
        // for JPA
    }

    ExchangeConnection(Account account, ConnectionSettings settings, String secretCiphertext,
                       String tokenCacheCiphertext) {
        this.account = account;
        this.credentialGeneration = 0;
        apply(settings, secretCiphertext, tokenCacheCiphertext);
    }

    /** {@code newTokenCacheCiphertext}: the delegated sign-in, null for every other credential. */
    void apply(ConnectionSettings settings, String newSecretCiphertext, String newTokenCacheCiphertext) {
        boolean movesProtocol = authMethod != null && graph() != settings.graph();
        this.endpoint = settings.endpoint().toString();
        this.serviceMailbox = settings.serviceMailbox().value();
        this.accessMode = settings.accessMode();
        this.passwordScheme = null;
        this.username = null;
        this.oauthTenant = null;
        this.oauthClientId = null;
        this.oauthTokenUrl = null;
        this.secretExpires = null;
        this.certificateThumbprint = null;
        if (settings.credential() instanceof ExchangeCredential.Password password) {
            this.authMethod = AuthMethod.PASSWORD;
            this.passwordScheme = password.scheme();
            this.username = password.username();
        } else if (settings.credential() instanceof ExchangeCredential.OAuthApp app) {
            this.authMethod = AuthMethod.OAUTH_APP;
            this.oauthTenant = app.tenant();
            this.oauthClientId = app.clientId();
            this.oauthTokenUrl = app.tokenEndpoint().toString();
        } else if (settings.credential() instanceof ExchangeCredential.GraphDelegated delegated) {
            this.authMethod = delegated.appSecret() instanceof ExchangeCredential.AppSecret.ClientCertificate
                    ? AuthMethod.GRAPH_DELEGATED_CERTIFICATE : AuthMethod.GRAPH_DELEGATED_SECRET;
            this.oauthTenant = tenantOf(delegated.authority());
            this.oauthClientId = delegated.clientId();
            this.oauthTokenUrl = delegated.authority().toString();
            this.secretExpires = delegated.appSecret().expires().orElse(null);
        } else {
            var app = (ExchangeCredential.GraphApp) settings.credential();
            this.authMethod = app.appSecret() instanceof ExchangeCredential.AppSecret.ClientCertificate
                    ? AuthMethod.GRAPH_CERTIFICATE : AuthMethod.GRAPH_SECRET;
            this.oauthTenant = tenantOf(app.authority());
            this.oauthClientId = app.clientId();
            this.oauthTokenUrl = app.authority().toString();
            this.secretExpires = app.appSecret().expires().orElse(null);
            if (app.appSecret() instanceof ExchangeCredential.AppSecret.ClientCertificate certificate) {
                this.certificateThumbprint = thumbprintOf(certificate);
            }
        }
        this.secretCiphertext = newSecretCiphertext;
        this.tokenCacheCiphertext = newTokenCacheCiphertext;
        this.credentialGeneration++;
        if (movesProtocol) {
            this.itemNamingSince = credentialGeneration;
        }
        this.status = ConnectionStatus.UNTESTED;
        this.statusDetail = null;
    }

    void succeeded(Instant at) {
        status = ConnectionStatus.HEALTHY;
        statusDetail = null;
        lastSuccessAt = at;
    }

    /** A status detail as stored: at most 1,000 characters. */
    static String statusDetail(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public Account account() {
        return account;
    }

    /** The EWS URL, or Graph's base URL for a Graph connection. */
    public URI endpoint() {
        return URI.create(endpoint);
    }

    /** Whether this connection speaks Microsoft Graph (else EWS). */
    public boolean graph() {
        return authMethod == AuthMethod.GRAPH_SECRET || authMethod == AuthMethod.GRAPH_CERTIFICATE || delegated();
    }

    /** Whether this is Graph delegated as the dedicated mailbox (the individual mode), signed in from the connection page. */
    public boolean delegated() {
        return authMethod == AuthMethod.GRAPH_DELEGATED_SECRET || authMethod == AuthMethod.GRAPH_DELEGATED_CERTIFICATE;
    }

    /** The protocol's name, as admins know it. */
    public String protocolName() {
        return graph() ? "Microsoft Graph" : "EWS";
    }

    /** When the Graph app's secret or certificate expires, if the admin said (a certificate always says). */
    public Optional<LocalDate> secretExpires() {
        return Optional.ofNullable(secretExpires);
    }

    /** The SHA-1 thumbprint of a Graph app's certificate, as Entra ID shows it. */
    public Optional<String> certificateThumbprint() {
        return Optional.ofNullable(certificateThumbprint);
    }

    /** Whether the app proves itself with a certificate (else a client secret, or a password for EWS). */
    public boolean usesCertificate() {
        return authMethod == AuthMethod.GRAPH_CERTIFICATE;
    }

    public MailboxAddress serviceMailbox() {
        return new MailboxAddress(serviceMailbox);
    }

    public AccessMode accessMode() {
        return accessMode;
    }

    public AuthMethod authMethod() {
        return authMethod;
    }

    /** The credential with its secret; a delegated one with where its sign-in is kept. */
    ExchangeCredential credential(Secret secret, DelegatedTokenCache tokenCache) {
        return switch (authMethod) {
            case PASSWORD -> new ExchangeCredential.Password(username, secret, passwordScheme);
            case OAUTH_APP -> new ExchangeCredential.OAuthApp(oauthTenant, oauthClientId, secret, URI.create(oauthTokenUrl));
            case GRAPH_SECRET -> new ExchangeCredential.GraphApp(URI.create(oauthTokenUrl), oauthClientId,
                    new ExchangeCredential.AppSecret.ClientSecret(secret, secretExpires()));
            case GRAPH_CERTIFICATE -> new ExchangeCredential.GraphApp(URI.create(oauthTokenUrl), oauthClientId,
                    new ExchangeCredential.AppSecret.ClientCertificate(secret, secretExpires()));
            case GRAPH_DELEGATED_SECRET -> new ExchangeCredential.GraphDelegated(URI.create(oauthTokenUrl), oauthClientId,
                    new ExchangeCredential.AppSecret.ClientSecret(secret, secretExpires()), tokenCache);
            case GRAPH_DELEGATED_CERTIFICATE -> new ExchangeCredential.GraphDelegated(URI.create(oauthTokenUrl),
                    oauthClientId, new ExchangeCredential.AppSecret.ClientCertificate(secret, secretExpires()), tokenCache);
        };
    }

    /** The thumbprint to show; a PEM that does not read (saved without a test) shows none, and Entra ID will refuse it. */
    private static String thumbprintOf(ExchangeCredential.AppSecret.ClientCertificate certificate) {
        try {
            return AppCertificate.fromPem(certificate.pem().reveal()).thumbprint();
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    /** The tenant of an Entra ID authority, {@code https://host/{tenant}/}: its last path segment. */
    private static String tenantOf(URI authority) {
        String[] segments = authority.getPath().split("/");
        return segments.length == 0 ? "" : segments[segments.length - 1];
    }

    /** The non-secret parts of the credential, to show and prefill (the secret never leaves encrypted). */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    public Optional<PasswordScheme> passwordScheme() {
        return Optional.ofNullable(passwordScheme);
    }

    public Optional<String> oauthTenant() {
        return Optional.ofNullable(oauthTenant);
    }

    public Optional<String> oauthClientId() {
        return Optional.ofNullable(oauthClientId);
    }

    public Optional<String> oauthTokenUrl() {
        return Optional.ofNullable(oauthTokenUrl);
    }

    /** Who signs in: the user name, or the app's client id. */
    public String principal() {
        return switch (authMethod) {
            case PASSWORD -> username;
            case OAUTH_APP, GRAPH_SECRET -> "app " + oauthClientId + " (tenant " + oauthTenant + ")";
            case GRAPH_CERTIFICATE -> "app " + oauthClientId + " with a certificate (tenant " + oauthTenant + ")";
            case GRAPH_DELEGATED_SECRET, GRAPH_DELEGATED_CERTIFICATE -> serviceMailbox + " itself, signed in to the app "
                    + oauthClientId + " (tenant " + oauthTenant + ")";
        };
    }

    String secretCiphertext() {
        return secretCiphertext;
    }

    /** The credential generation since which the account's items are named as now (see the field). */
    public long itemNamingSince() {
        return itemNamingSince;
    }

    public long credentialGeneration() {
        return credentialGeneration;
    }

    public ConnectionStatus status() {
        return status;
    }

    public Optional<String> statusDetail() {
        return Optional.ofNullable(statusDetail);
    }

    public Optional<Instant> lastSuccessAt() {
        return Optional.ofNullable(lastSuccessAt);
    }

    public Optional<Instant> lastFailureAt() {
        return Optional.ofNullable(lastFailureAt);
    }

    @Override
    public String toString() {
        return "ExchangeConnection[" + account + ", " + serviceMailbox + " via " + endpoint + ", " + status + "]";
    }
}
