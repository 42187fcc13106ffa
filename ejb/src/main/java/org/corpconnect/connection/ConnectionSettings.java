package org.corpconnect.connection;

import java.net.URI;
import java.util.Objects;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.ExchangeCredential.PasswordScheme;
import org.corpconnect.exchange.MailboxAddress;

/**
 * What an admin enters for a connection. The user name defaults to the dedicated mailbox's address
 * (a UPN); on-premises NTLM takes {@code DOMAIN\\user}.
 */
public record ConnectionSettings(URI ewsUrl, MailboxAddress serviceMailbox, AccessMode accessMode,
                                 PasswordScheme passwordScheme, String username, Secret password) {

    public ConnectionSettings {
        Objects.requireNonNull(serviceMailbox);
        Objects.requireNonNull(accessMode);
        Objects.requireNonNull(passwordScheme);
        Objects.requireNonNull(password);
        ewsUrl = requireHttpUrl(ewsUrl);
        username = username == null || username.isBlank() ? serviceMailbox.value() : username.strip();
    }

    private static URI requireHttpUrl(URI url) {
        if (url == null || url.getHost() == null
                || !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
            throw new InvalidConnection("The EWS URL must be an http(s) address, for example"
                    + " https://mail.example.com/EWS/Exchange.asmx.");
        }
        return url;
    }
}
