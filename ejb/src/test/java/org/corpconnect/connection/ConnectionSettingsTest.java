package org.corpconnect.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.ExchangeCredential.PasswordScheme;
import org.corpconnect.exchange.ExchangeCredential;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    private static final URI EWS = URI.create("https://mail.fabrikam.com/EWS/Exchange.asmx");
    private static final MailboxAddress MAILBOX = new MailboxAddress("Bookings@Fabrikam.com");

    @Test
    void theUserNameDefaultsToTheMailboxAddress() {
        var settings = ConnectionSettings.withPassword(EWS, MAILBOX, AccessMode.IMPERSONATION, PasswordScheme.BASIC,
                " ", Secret.of("pw"));

        assertEquals("bookings@fabrikam.com", ((ExchangeCredential.Password) settings.credential()).username());
    }

    @Test
    void anAppWithoutTokenEndpointUsesMicrosoftsForItsTenant() {
        var settings = ConnectionSettings.withOAuthApp(EWS, MAILBOX, AccessMode.IMPERSONATION, "fabrikam.onmicrosoft.com",
                "8f2d1c3e-0000-4000-8000-000000000001", Secret.of("s3cret"), null);

        var app = (ExchangeCredential.OAuthApp) settings.credential();
        assertEquals(URI.create("https://login.microsoftonline.com/fabrikam.onmicrosoft.com/oauth2/v2.0/token"),
                app.tokenEndpoint());
        assertEquals("s3cret", settings.secret().reveal());
        assertFalse(settings.toString().contains("s3cret"), "the secret never prints");
    }

    @Test
    void badInputIsRefusedInWords() {
        assertThrows(InvalidConnection.class, () -> ConnectionSettings.withPassword(URI.create("ftp://x/ews"), MAILBOX,
                AccessMode.DELEGATION, PasswordScheme.NTLM, null, Secret.of("pw")));
        var badTenant = assertThrows(InvalidConnection.class, () -> ConnectionSettings.withOAuthApp(EWS, MAILBOX,
                AccessMode.IMPERSONATION, "fabrikam tenant", "id", Secret.of("s"), null));
        assertEquals(java.util.Optional.of("tenant"), badTenant.field(), "the form shows it next to the tenant");
        assertThrows(InvalidConnection.class, () -> ConnectionSettings.withPassword(EWS, MAILBOX,
                AccessMode.IMPERSONATION, PasswordScheme.BASIC, null, null));
    }
}
