package org.corpconnect.exchange.graph;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;
import org.corpconnect.exchange.AppCertificate;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeCredential.AppSecret;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ExchangeThrottled;
import org.corpconnect.exchange.ExchangeUnreachable;

/**
 * App-only access tokens for Microsoft Graph, from MSAL4J's client-credentials grant. One MSAL
 * application per authority, client, secret and credential generation, and a replaced credential's
 * application is never asked again. Its token is kept here and used until five minutes before it
 * expires, as MSAL's cache would: behind the simulator's authority (https://localhost:port) MSAL 1.26.1
 * never found its own cached token and asked Entra ID for a new one at every request (measured; why it
 * misses there is not pinned down).
 */
final class GraphTokens {

    /** Every application permission the app was granted, as Graph's client-credentials grant asks for them. */
    static final Set<String> GRAPH_DEFAULT_SCOPE = Set.of("https://graph.microsoft.com/.default");

    /** Microsoft's own Entra ID hosts, which MSAL knows; any other (a sovereign cloud's proxy, the simulator) skips MSAL's discovery. */
    private static final List<String> MICROSOFT_HOSTS = List.of("login.microsoftonline.com", "login.microsoftonline.us",
            "login.partner.microsoftonline.cn", "login.microsoftonline.de");

    private static final Pattern AADSTS = Pattern.compile("AADSTS\\d+");

    /** MSAL's own margin: a token that expires sooner is not used for a new request. */
    private static final Duration RENEWED_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final Map<Key, ConfidentialClientApplication> applications = new ConcurrentHashMap<>();
    private final Map<Key, IAuthenticationResult> tokens = new ConcurrentHashMap<>();

    private record Key(String authority, String clientId, String secretHash, long generation) {
    }

    /** A valid token for the app, from MSAL's cache or Entra ID. */
    String token(ExchangeCredential.GraphApp app, long generation, Duration timeout, Optional<SSLSocketFactory> trust) {
        Key key = keyOf(app, generation);
        IAuthenticationResult kept = tokens.get(key);
        if (kept != null && kept.expiresOnDate().toInstant().isAfter(Instant.now().plus(RENEWED_BEFORE_EXPIRY))) {
            return kept.accessToken();
        }
        ConfidentialClientApplication msal = applications.computeIfAbsent(key, k -> application(app, timeout, trust));
        try {
            IAuthenticationResult issued = msal.acquireToken(ClientCredentialParameters.builder(GRAPH_DEFAULT_SCOPE).build())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            tokens.put(key, issued);
            return issued.accessToken();
        } catch (ExecutionException e) {
            ExchangeException failure = translate(e.getCause(), app);
            if (failure instanceof CredentialRejected) {
                forget(key);
            }
            throw failure;
        } catch (TimeoutException e) {
            throw new ExchangeUnreachable("Entra ID (" + app.authority().getHost() + ") did not answer within "
                    + timeout.toSeconds() + " s.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnreachable("Interrupted while asking Entra ID for a token.");
        }
    }

    /** Graph refused a token of this app: forget the MSAL application, so the next call gets a new token. */
    void reject(ExchangeCredential.GraphApp app, long generation) {
        forget(keyOf(app, generation));
    }

    private void forget(Key key) {
        tokens.remove(key);
        applications.remove(key);
    }

    private static ConfidentialClientApplication application(ExchangeCredential.GraphApp app, Duration timeout,
            Optional<SSLSocketFactory> trust) {
        return application(app.authority(), app.clientId(), app.appSecret(), timeout, trust);
    }

    /** An MSAL application of an app registration at this authority; its token cache starts empty. */
    static ConfidentialClientApplication application(URI authority, String clientId, AppSecret secret, Duration timeout,
            Optional<SSLSocketFactory> trust) {
        try {
            int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            ConfidentialClientApplication.Builder builder = ConfidentialClientApplication
                    .builder(clientId, credentialOf(secret))
                    .authority(authorityOf(authority))
                    .connectTimeoutForDefaultHttpClient(millis)
                    .readTimeoutForDefaultHttpClient(millis)
                    .executorService(InlineExecutor.INSTANCE);
            if (!MICROSOFT_HOSTS.contains(authority.getHost().toLowerCase(Locale.ROOT))) {
                // MSAL would ask login.microsoftonline.com whether this host is an Entra ID instance.
                builder.instanceDiscovery(false).validateAuthority(false);
            }
            trust.ifPresent(builder::sslSocketFactory);
            return builder.build();
        } catch (MalformedURLException e) {
            throw new ExchangeFailure("Not an Entra ID authority URL: " + authority.getHost());
        }
    }

    /** MSAL wants the authority with a trailing slash: https://login.microsoftonline.com/{tenant}/. */
    static String authorityOf(URI authorityUrl) {
        String authority = authorityUrl.toString();
        return authority.endsWith("/") ? authority : authority + "/";
    }

    static IClientCredential credentialOf(AppSecret secret) {
        if (secret instanceof AppSecret.ClientSecret clientSecret) {
            return ClientCredentialFactory.createFromSecret(clientSecret.value().reveal());
        }
        AppSecret.ClientCertificate certificate = (AppSecret.ClientCertificate) secret;
        try {
            AppCertificate parsed = AppCertificate.fromPem(certificate.pem().reveal());
            return ClientCredentialFactory.createFromCertificate(parsed.privateKey(), parsed.certificate());
        } catch (IllegalArgumentException e) {
            throw new CredentialRejected("The app's certificate could not be read: its private key and certificate"
                    + " are needed.");
        }
    }

    /** Entra ID's refusals of the app itself are the credential's fault; the rest is the service's. */
    static ExchangeException translate(Throwable failure, ExchangeCredential.GraphApp app) {
        return translate(failure, app.authority(), app.clientId());
    }

    static ExchangeException translate(Throwable failure, URI authority, String clientId) {
        if (failure instanceof MsalServiceException refused) {
            String code = String.valueOf(refused.errorCode());
            Integer status = refused.statusCode();
            if (status != null && (status == 429 || status >= 500)) {
                return new ExchangeThrottled("Entra ID is busy (HTTP " + status + "); trying again later.",
                        retryAfter(refused).orElse(Duration.ofSeconds(30)));
            }
            String aadsts = aadstsOf(refused);
            if (aadsts.equals("AADSTS700016") || aadsts.equals("AADSTS90002")) {
                return new CredentialRejected("Entra ID knows no app " + clientId + " in the tenant "
                        + tenantOf(authority) + " (" + aadsts + "): check the tenant and the application (client) id.");
            }
            if (code.equals("invalid_client") || code.equals("unauthorized_client") || code.equals("invalid_grant")
                    || code.equals("invalid_request") || (status != null && (status == 400 || status == 401))) {
                return new CredentialRejected("Entra ID refused the app " + clientId + " (" + code
                        + (aadsts.isEmpty() ? "" : ", " + aadsts)
                        + "): check the tenant, the client id and the secret or certificate, and that it has not expired.");
            }
            return new ExchangeFailure("Entra ID answered " + code + " for the app " + clientId + ".");
        }
        return new ExchangeUnreachable("Entra ID (" + authority.getHost() + ") could not be reached: "
                + (failure == null ? "no detail" : failure.getClass().getSimpleName()) + ".");
    }

    /** Entra ID's error number (AADSTSnnnn) from the start of its description, or "". */
    private static String aadstsOf(MsalServiceException refused) {
        Matcher number = AADSTS.matcher(String.valueOf(refused.getMessage()));
        return number.find() ? number.group() : "";
    }

    /** The tenant of an authority {@code https://host/{tenant}/}: its last path segment. */
    private static String tenantOf(URI authority) {
        String[] segments = authority.getPath().split("/");
        return segments.length == 0 ? "" : segments[segments.length - 1];
    }

    static Optional<Duration> retryAfter(MsalServiceException refused) {
        Map<String, List<String>> headers = refused.headers();
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream()
                .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase("Retry-After"))
                .flatMap(h -> h.getValue().stream())
                .findFirst()
                .flatMap(GraphFailures::seconds);
    }

    private static Key keyOf(ExchangeCredential.GraphApp app, long generation) {
        String secret = app.appSecret() instanceof AppSecret.ClientSecret s ? s.value().reveal()
                : ((AppSecret.ClientCertificate) app.appSecret()).pem().reveal();
        return new Key(app.authority().toString(), app.clientId(), sha256(secret), generation);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
