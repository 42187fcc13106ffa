package org.corpconnect.exchange;

import java.net.URI;
import java.util.Objects;
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

    enum PasswordScheme { BASIC, NTLM }
}
