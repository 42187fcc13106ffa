package org.corpconnect.exchange.graph;

import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.SilentParameters;
import java.net.MalformedURLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.DelegatedTokenCache;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ExchangeUnreachable;

/**
 * Delegated access tokens of the dedicated mailbox (the individual mode), silently from its MSAL token
 * cache: the cached token while it lasts, else a refresh with the refresh token, which Entra ID rotates.
 * One MSAL application per sign-in ({@link DelegatedTokenCache#id()}), and at most one token request of
 * it in flight: the others wait for that one's answer instead of spending the same refresh token.
 *
 * <p>A changed cache is stored back over the one it was loaded from; if another instance stored a newer
 * one meanwhile, that one is taken. A refresh token Entra ID refuses ({@code invalid_grant}: revoked
 * sessions, a password reset by an admin) is tried once more only when the stored cache changed meanwhile
 * (another instance refreshed first); otherwise the sign-in is over: {@link CredentialRejected}, once, and
 * every later request of that sign-in meets the same refusal without asking Entra ID again (the requests
 * that were in flight with the refused token among them).
 */
final class DelegatedTokens {

    /** What the dedicated mailbox consents to; MSAL adds openid, profile and offline_access itself. */
    static final Set<String> SCOPES = Set.of("https://graph.microsoft.com/Calendars.ReadWrite.Shared");

    private static final Pattern AADSTS = Pattern.compile("AADSTS\\d+");

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /**
     * A valid access token of the dedicated mailbox; {@code refused}: the token Graph just refused (401),
     * which is then replaced from the refresh token, unless another request replaced it meanwhile.
     */
    String token(ExchangeCredential.GraphDelegated credential, MailboxAddress mailbox, Duration timeout,
            Optional<SSLSocketFactory> trust, Optional<String> refused) {
        DelegatedTokenCache cache = credential.tokenCache();
        Session session = sessions.computeIfAbsent(cache.id(), id -> new Session(credential, mailbox, timeout, trust));
        return session.token(refused);
    }

    /** One sign-in: its MSAL application (whose cache is the live copy) and the token request in flight. */
    private static final class Session {
        private final ExchangeCredential.GraphDelegated credential;
        private final MailboxAddress mailbox;
        private final Duration timeout;
        private final Optional<SSLSocketFactory> trust;
        private ConfidentialClientApplication msal; // guarded by this
        private String loaded;                      // guarded by this: the cache as stored when last loaded or stored
        private CompletableFuture<String> inFlight; // guarded by this
        private CredentialRejected refusal;         // guarded by this: the sign-in is over

        Session(ExchangeCredential.GraphDelegated credential, MailboxAddress mailbox, Duration timeout,
                Optional<SSLSocketFactory> trust) {
            this.credential = credential;
            this.mailbox = mailbox;
            this.timeout = timeout;
            this.trust = trust;
        }

        /**
         * The token of the request in flight if there is one (its caller asked first), else of a new one;
         * never {@code refused}, the token Graph just refused.
         */
        String token(Optional<String> refused) {
            while (true) {
                CompletableFuture<String> pending;
                boolean mine = false;
                synchronized (this) {
                    if (refusal != null) {
                        throw refusal;
                    }
                    if (inFlight == null) {
                        inFlight = new CompletableFuture<>();
                        mine = true;
                    }
                    pending = inFlight;
                }
                if (mine) {
                    settle(pending, refused);
                }
                String token = await(pending);
                if (refused.isEmpty() || !refused.get().equals(token)) {
                    return token;
                }
                // Joined a request that found the refused token still cached: ask again, for a refresh.
            }
        }

        private void settle(CompletableFuture<String> pending, Optional<String> refused) {
            try {
                String token = acquire(refused);
                synchronized (this) {
                    inFlight = null;
                }
                pending.complete(token);
            } catch (RuntimeException failure) {
                synchronized (this) {
                    inFlight = null;
                    if (failure instanceof CredentialRejected over) {
                        refusal = over;
                    }
                }
                pending.completeExceptionally(failure);
            }
        }

        private String await(CompletableFuture<String> pending) {
            try {
                return pending.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof ExchangeException known ? known
                        : new ExchangeUnreachable("The dedicated mailbox's token could not be obtained.");
            } catch (TimeoutException e) {
                throw unanswered();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExchangeUnreachable("Interrupted while asking Entra ID for a token.");
            }
        }

        /**
         * Runs in one thread at a time for this sign-in. The cached token, unless it is the one refused
         * (another request may have replaced that already): then a refresh.
         */
        private String acquire(Optional<String> refused) {
            if (msal == null) {
                open(credential.tokenCache().load().reveal());
            }
            try {
                String cached = silently(false);
                return refused.isPresent() && refused.get().equals(cached) ? silently(true) : cached;
            } catch (CredentialRejected refusal) {
                String stored = credential.tokenCache().load().reveal();
                if (stored.equals(loaded)) {
                    throw refusal;
                }
                open(stored); // another instance refreshed first and stored the new refresh token: use it
                String token = silently(false);
                if (refused.isPresent() && refused.get().equals(token)) {
                    throw refusal; // what was stored holds no newer token than the one Graph refused
                }
                return token;
            }
        }

        private String silently(boolean forceRefresh) {
            IAccount account = msal.getAccounts().join().stream()
                    .filter(a -> a.username() != null && a.username().toLowerCase(Locale.ROOT).equals(mailbox.value()))
                    .findFirst()
                    .orElseThrow(() -> new CredentialRejected("No sign-in of the dedicated mailbox " + mailbox
                            + " is stored: sign the dedicated mailbox in on the connection page."));
            String token;
            try {
                // authorityUrl given: without it MSAL 1.26.1 rebuilds the authority from the account's
                // environment, which drops a port other than 443 (a national cloud's proxy, the simulator).
                token = msal.acquireTokenSilently(SilentParameters.builder(SCOPES, account)
                                .authorityUrl(GraphTokens.authorityOf(credential.authority()))
                                .forceRefresh(forceRefresh)
                                .build())
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .accessToken();
            } catch (ExecutionException e) {
                throw translate(e.getCause());
            } catch (TimeoutException e) {
                throw unanswered();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExchangeUnreachable("Interrupted while asking Entra ID for a token.");
            } catch (MalformedURLException e) {
                throw new ExchangeFailure("Not an Entra ID authority URL: " + credential.authority().getHost());
            }
            store();
            return token;
        }

        /** The cache after a refresh, stored over the one loaded; if a newer one was stored meanwhile, that one. */
        private void store() {
            String now = msal.tokenCache().serialize();
            if (now.equals(loaded)) {
                return;
            }
            if (credential.tokenCache().replace(Secret.of(loaded), Secret.of(now))) {
                loaded = now;
            } else {
                open(credential.tokenCache().load().reveal());
            }
        }

        private void open(String cache) {
            ConfidentialClientApplication fresh = GraphTokens.application(credential.authority(), credential.clientId(),
                    credential.appSecret(), timeout, trust);
            fresh.tokenCache().deserialize(cache);
            msal = fresh;
            loaded = cache;
        }

        private ExchangeException translate(Throwable failure) {
            if (failure instanceof MsalServiceException refused && "invalid_grant".equals(refused.errorCode())) {
                return new CredentialRejected("Entra ID no longer accepts the dedicated mailbox " + mailbox
                        + "'s sign-in (invalid_grant" + aadsts(refused) + ": its sessions were revoked or its password"
                        + " reset by an admin, or it was unused for 90 days): sign the dedicated mailbox in again on"
                        + " the connection page.");
            }
            return GraphTokens.translate(failure, credential.authority(), credential.clientId());
        }

        private ExchangeUnreachable unanswered() {
            return new ExchangeUnreachable("Entra ID (" + credential.authority().getHost() + ") did not answer within "
                    + timeout.toSeconds() + " s.");
        }

        /** Entra's error number (AADSTS50173 for revoked sessions), never the rest of its description. */
        private static String aadsts(MsalServiceException refused) {
            String message = String.valueOf(refused.getMessage());
            Matcher m = AADSTS.matcher(message);
            return m.find() ? ", " + m.group() : "";
        }
    }
}
