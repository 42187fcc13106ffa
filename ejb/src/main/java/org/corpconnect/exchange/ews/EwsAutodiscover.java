package org.corpconnect.exchange.ews;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import microsoft.exchange.webservices.data.autodiscover.AutodiscoverService;
import microsoft.exchange.webservices.data.autodiscover.enumeration.AutodiscoverErrorCode;
import microsoft.exchange.webservices.data.autodiscover.enumeration.UserSettingName;
import microsoft.exchange.webservices.data.autodiscover.response.GetUserSettingsResponse;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.exception.service.local.ServiceLocalException;
import microsoft.exchange.webservices.data.core.request.HttpWebRequest;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ExchangeUnreachable;

/**
 * SOAP Autodiscover, <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getusersettings-operation-soap">GetUserSettings</a>
 * for {@code ExternalEwsUrl} (else {@code InternalEwsUrl}), through ews-java-api's {@link AutodiscoverService}.
 *
 * <p>Redirection: only to HTTPS (or the loopback host, for tests and a local simulator). ews-java-api asks
 * its redirection callback only about the URLs it finds by unauthenticated GETs (the plain-HTTP
 * {@code autodiscover.<domain>} redirect, DNS SRV); it follows a SOAP {@code RedirectUrl} answer and a
 * 3xx to its POST without asking. So the same rule also guards every POST it prepares: no credential
 * ever travels to a plain-HTTP host that the admin did not configure.
 */
final class EwsAutodiscover {

    private EwsAutodiscover() {
    }

    /**
     * @param credentials puts the credential onto the service (headers or {@code WebCredentials})
     */
    static URI discover(MailboxAddress mailbox, Optional<URI> endpoint, int timeoutMillis,
            Consumer<AutodiscoverService> credentials) {
        List<String> refused = new ArrayList<>();
        GuardedAutodiscover service = null;
        try {
            service = endpoint.isPresent()
                    ? new GuardedAutodiscover(endpoint.get(), refused)
                    : new GuardedAutodiscover(refused);
            service.setTimeout(timeoutMillis);
            service.setUserAgent("ExchangeCorporateConnection");
            service.setEnableScpLookup(false); // SCP is an Active Directory lookup, not available here
            service.setRedirectionUrlValidationCallback(url -> {
                boolean safe = isSafeRedirection(url);
                if (!safe) {
                    refused.add(url);
                }
                return safe;
            });
            credentials.accept(service);
            GetUserSettingsResponse answer = service.getUserSettings(mailbox.value(),
                    UserSettingName.ExternalEwsUrl, UserSettingName.InternalEwsUrl);
            return ewsUrlOf(mailbox, answer);
        } catch (Exception e) {
            throw translate(e, service, mailbox, endpoint.isPresent(), refused);
        } finally {
            if (service != null) {
                service.close();
            }
        }
    }

    private static URI ewsUrlOf(MailboxAddress mailbox, GetUserSettingsResponse answer) {
        if (answer.getErrorCode() != AutodiscoverErrorCode.NoError) {
            throw new ExchangeFailure("Autodiscover has no settings for " + mailbox + " (" + answer.getErrorCode()
                    + "): check the address, or whether the mailbox is on this Exchange organisation.");
        }
        Map<UserSettingName, Object> settings = answer.getSettings();
        for (UserSettingName name : List.of(UserSettingName.ExternalEwsUrl, UserSettingName.InternalEwsUrl)) {
            Object value = settings.get(name);
            if (value instanceof String text && !text.isBlank()) {
                try {
                    return new URI(text.strip());
                } catch (URISyntaxException e) {
                    throw new ExchangeFailure("Autodiscover answered an EWS URL that is not a URL (" + name + ").");
                }
            }
        }
        throw new ExchangeFailure("Autodiscover answered for " + mailbox + " without an EWS URL: EWS may not be"
                + " published (ExternalUrl/InternalUrl of the EWS virtual directory).");
    }

    /** HTTPS anywhere; plain HTTP only to this machine. */
    static boolean isSafeRedirection(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return "https".equals(scheme) || ("http".equals(scheme) && isLoopback(uri.getHost()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1")
                || host.equals("[::1]"));
    }

    private static ExchangeException translate(Exception failure, GuardedAutodiscover service, MailboxAddress mailbox,
            boolean configured, List<String> refused) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ExchangeException known) {
                return known;
            }
        }
        // ews-java-api reads the empty body of a 401 as broken XML and drops the status; the last request keeps it.
        int status = service == null ? -1 : service.lastStatus();
        if (status == 401) {
            return new CredentialRejected("Autodiscover rejected the dedicated mailbox's credential (HTTP 401):"
                    + " the password or the app's token was refused, or the account is locked or disabled.");
        }
        if (status == 404) {
            return new ExchangeFailure("No Autodiscover service at this URL (HTTP 404): it normally ends in"
                    + " /autodiscover/autodiscover.svc.");
        }
        ExchangeException translated = EwsFailures.translate(failure);
        if (translated instanceof ExchangeFailure && !refused.isEmpty()) {
            return new ExchangeFailure("Autodiscover could not find the EWS URL of " + mailbox.domain()
                    + "; it refused to follow redirections to " + refused + ": only HTTPS is followed.");
        }
        if (translated instanceof ExchangeFailure && status < 0 && !configured) {
            return new ExchangeUnreachable("Autodiscover found no service for " + mailbox.domain() + " ("
                    + failure.getClass().getSimpleName() + "): there is neither https://" + mailbox.domain()
                    + " nor https://autodiscover." + mailbox.domain() + " nor a DNS SRV record; give the"
                    + " Autodiscover or the EWS URL.");
        }
        return translated;
    }

    /** ews-java-api's AutodiscoverService, with every POST target checked and its last HTTP status kept. */
    private static final class GuardedAutodiscover extends AutodiscoverService {
        private final URI configured;
        private final List<String> refused;
        private HttpWebRequest last;

        GuardedAutodiscover(URI endpoint, List<String> refused) throws Exception {
            super(endpoint, ExchangeVersion.Exchange2010_SP2);
            this.configured = endpoint;
            this.refused = refused;
        }

        GuardedAutodiscover(List<String> refused) throws Exception {
            super(ExchangeVersion.Exchange2010_SP2);
            this.configured = null;
            this.refused = refused;
        }

        @Override
        public HttpWebRequest prepareHttpWebRequestForUrl(URI url) throws ServiceLocalException, URISyntaxException {
            // The URL the admin configured is theirs to choose; anything Autodiscover sends us elsewhere must be HTTPS.
            if (!url.equals(configured) && !isSafeRedirection(url.toString())) {
                refused.add(url.toString());
                throw new ExchangeFailure("Autodiscover redirected to " + url.getScheme() + "://" + url.getHost()
                        + ", which is not HTTPS: the product does not send credentials there.");
            }
            last = super.prepareHttpWebRequestForUrl(url);
            return last;
        }

        int lastStatus() {
            try {
                return last == null ? -1 : last.getResponseCode();
            } catch (Exception e) {
                return -1;
            }
        }
    }
}
