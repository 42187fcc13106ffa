package org.corpconnect.exchange;

import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.corpconnect.credentials.Secret;

/** The dedicated mailbox's credential, as the gateway uses it (plaintext in memory, masked in print). */
public sealed interface ExchangeCredential {

    /** On-premises Exchange: the mailbox account's password, sent with Basic or NTLM. */
    record Password(String username, Secret password, PasswordScheme scheme) implements ExchangeCredential {
        public Password {
            Objects.requireNonNull(username);
            Objects.requireNonNull(password);
            Objects.requireNonNull(scheme);
        }
    }

    /**
     * Exchange Online: an app registration's client-credentials grant (application permission
     * {@code full_access_as_app}); the token endpoint is
     * {@code https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token} for Microsoft's cloud.
     */
    record OAuthApp(String tenant, String clientId, Secret clientSecret, URI tokenEndpoint) implements ExchangeCredential {
        public OAuthApp {
            Objects.requireNonNull(tenant);
            Objects.requireNonNull(clientId);
            Objects.requireNonNull(clientSecret);
            Objects.requireNonNull(tokenEndpoint);
        }
    }

    /**
     * Exchange Online through Microsoft Graph, app-only (the central mode): an app registration's
     * client-credentials grant with the application permission {@code Calendars.ReadWrite}, its reach
     * narrowed to the booking users by Exchange Online's RBAC for Applications. {@code authority} is
     * {@code https://login.microsoftonline.com/{tenant}} in Microsoft's cloud; MSAL accepts https only.
     */
    record GraphApp(URI authority, String clientId, AppSecret appSecret) implements ExchangeCredential {
        public GraphApp {
            Objects.requireNonNull(authority);
            Objects.requireNonNull(clientId);
            Objects.requireNonNull(appSecret);
            if (!"https".equals(String.valueOf(authority.getScheme()).toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("An Entra ID authority is an https URL.");
            }
        }
    }

    /**
     * Exchange Online through Microsoft Graph, delegated as the dedicated mailbox (the individual mode):
     * the mailbox signed in once (authorization code with PKCE) to an app registration with the delegated
     * permission {@code Calendars.ReadWrite.Shared}, and reaches the calendars users shared with it. The
     * app proves itself with its secret or certificate; {@code tokenCache} holds the sign-in (MSAL's
     * cache, refresh token included), which changes at each refresh and is stored back encrypted.
     */
    record GraphDelegated(URI authority, String clientId, AppSecret appSecret, DelegatedTokenCache tokenCache)
            implements ExchangeCredential {
        public GraphDelegated {
            Objects.requireNonNull(authority);
            Objects.requireNonNull(clientId);
            Objects.requireNonNull(appSecret);
            Objects.requireNonNull(tokenCache);
            if (!"https".equals(String.valueOf(authority.getScheme()).toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("An Entra ID authority is an https URL.");
            }
        }
    }

    /** How an app registration proves itself to Entra ID. */
    sealed interface AppSecret {
        /** A client secret: simple, but it expires (within 24 months); {@code expires} lets the admin be warned. */
        record ClientSecret(Secret value, Optional<LocalDate> expires) implements AppSecret {
            public ClientSecret {
                Objects.requireNonNull(value);
                Objects.requireNonNull(expires);
            }
        }

        /**
         * A certificate, the better choice: the private key and its certificate as one PEM text
         * ({@link org.corpconnect.exchange.AppCertificate#toPem()}); {@code expires} is the certificate's end.
         */
        record ClientCertificate(Secret pem, Optional<LocalDate> expires) implements AppSecret {
            public ClientCertificate {
                Objects.requireNonNull(pem);
                Objects.requireNonNull(expires);
            }
        }

        /** When the secret or certificate stops working, if known: the admin is warned before. */
        Optional<LocalDate> expires();
    }

    enum PasswordScheme { BASIC, NTLM }
}
