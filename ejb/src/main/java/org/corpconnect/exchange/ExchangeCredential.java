package org.corpconnect.exchange;

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

    enum PasswordScheme { BASIC, NTLM }
}
