package org.corpconnect.exchange.graph;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.AuthorizationRequestUrlParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeCredential.AppSecret;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ExchangeUnreachable;
import org.corpconnect.exchange.SignedInTokenCache;

/**
 * The dedicated mailbox's sign-in for the individual mode: the authorization code flow with PKCE of a
 * confidential client. {@link #start} gives the URL of Entra ID's sign-in page for the admin's browser,
 * {@link #finish} redeems the code that came back and gives the delegated credential, checked to be the
 * dedicated mailbox's own (an admin signed in with their own account would otherwise connect theirs).
 */
@ApplicationScoped
public class MailboxSignIn {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    GraphGateway gateway;

    /** Where the admin's browser goes, and what the return must match: {@code state} and the PKCE verifier. */
    public record Started(URI authorizationUrl, String state, Secret codeVerifier) {
    }

    public Started start(URI authority, String clientId, AppSecret app, MailboxAddress mailbox, URI redirectUri) {
        String verifier = random();
        String state = random();
        ConfidentialClientApplication msal = application(authority, clientId, app);
        try {
            URI url = msal.getAuthorizationRequestUrl(AuthorizationRequestUrlParameters
                            .builder(redirectUri.toString(), DelegatedTokens.SCOPES)
                            .codeChallenge(challenge(verifier))
                            .codeChallengeMethod("S256")
                            .state(state)
                            .loginHint(mailbox.value())
                            // MSAL4J asks for response_mode=form_post (QUERY is deprecated and overridden):
                            // the code comes back in a POST's body, never in a URL.
                            .build())
                    .toURI();
            return new Started(url, state, Secret.of(verifier));
        } catch (URISyntaxException e) {
            throw new ExchangeFailure("MSAL built no valid sign-in URL for " + authority.getHost() + ".");
        }
    }

    /**
     * Redeems the code with the verifier; the sign-in must be the dedicated mailbox's. The credential's
     * token cache is in memory until the connection that uses it is saved.
     */
    public ExchangeCredential.GraphDelegated finish(URI authority, String clientId, AppSecret app, MailboxAddress mailbox,
            URI redirectUri, String code, Secret codeVerifier) {
        Objects.requireNonNull(code);
        ConfidentialClientApplication msal = application(authority, clientId, app);
        Duration timeout = gateway.requestTimeout();
        IAuthenticationResult result;
        try {
            result = msal.acquireToken(AuthorizationCodeParameters.builder(code, redirectUri)
                            .scopes(DelegatedTokens.SCOPES)
                            .codeVerifier(codeVerifier.reveal())
                            .build())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MsalServiceException refused && "invalid_grant".equals(refused.errorCode())) {
                throw new CredentialRejected("Entra ID did not accept the sign-in's code (invalid_grant): it was used"
                        + " already or is too old. Start the sign-in again.");
            }
            throw GraphTokens.translate(e.getCause(), authority, clientId);
        } catch (TimeoutException e) {
            throw new ExchangeUnreachable("Entra ID (" + authority.getHost() + ") did not answer within "
                    + timeout.toSeconds() + " s.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnreachable("Interrupted while redeeming the sign-in's code.");
        }
        String signedIn = result.account() == null ? "" : String.valueOf(result.account().username());
        if (!signedIn.toLowerCase(Locale.ROOT).equals(mailbox.value())) {
            throw new ExchangeFailure("The account that signed in is " + (signedIn.isEmpty() ? "unknown" : signedIn)
                    + ", not the dedicated mailbox " + mailbox + ". Sign in as " + mailbox + " (a private browser"
                    + " window avoids your own session at Microsoft); the connection was not changed.");
        }
        return new ExchangeCredential.GraphDelegated(authority, clientId, app,
                new SignedInTokenCache(Secret.of(msal.tokenCache().serialize())));
    }

    private ConfidentialClientApplication application(URI authority, String clientId, AppSecret app) {
        return GraphTokens.application(authority, clientId, app, gateway.requestTimeout(),
                gateway.trust().map(SSLContext::getSocketFactory));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
