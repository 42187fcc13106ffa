package org.corpconnect.exchange.ews;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.http.config.Registry;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.corpconnect.exchange.outbound.CheckedSockets;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ExchangeUnreachable;
import org.corpconnect.exchange.outbound.OutboundPolicy;
import org.corpconnect.exchange.outbound.OutboundRefused;

/**
 * SOAP Autodiscover, <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getusersettings-operation-soap">GetUserSettings</a>
 * for {@code ExternalEwsUrl} (else {@code InternalEwsUrl}), through ews-java-api's {@link AutodiscoverService}.
 *
 * <p>Every connection it makes (the configured URL, the guesses from the mailbox's domain, the
 * plain-HTTP {@code autodiscover.<domain>} redirect, DNS SRV targets, a SOAP {@code RedirectUrl} and a
 * 3xx) is checked against the operator's {@link OutboundPolicy} on the address it connects to
 * ({@link CheckedSockets}); the redirection callback, which ews-java-api asks only about the URLs it
 * finds by unauthenticated GETs, refuses what the policy refuses before anything is sent.
 */
final class EwsAutodiscover {

    private EwsAutodiscover() {
    }

    /**
     * @param credentials puts the credential onto the service (headers or {@code WebCredentials})
     */
    static URI discover(MailboxAddress mailbox, Optional<URI> endpoint, int timeoutMillis, OutboundPolicy policy,
            Consumer<AutodiscoverService> credentials) {
        List<String> refused = new ArrayList<>();
        GuardedAutodiscover service = null;
        try {
            service = endpoint.isPresent()
                    ? new GuardedAutodiscover(endpoint.get(), policy)
                    : new GuardedAutodiscover(policy);
            service.setTimeout(timeoutMillis);
            service.setUserAgent("ExchangeCorporateConnection");
            service.setEnableScpLookup(false); // SCP is an Active Directory lookup, not available here
            service.setRedirectionUrlValidationCallback(url -> {
                try {
                    policy.checkUrl(new URI(url));
                    return true;
                } catch (OutboundRefused | URISyntaxException e) {
                    refused.add(url);
                    return false;
                }
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
        if (translated instanceof ExchangeFailure && status < 0 && !configured) {
            // Whether a guess was refused, closed or silent reads the same: the guesses are the admin's too.
            return new ExchangeUnreachable("Autodiscover found no service the server could call for "
                    + mailbox.domain() + " (https://" + mailbox.domain() + ", https://autodiscover."
                    + mailbox.domain() + ", a DNS SRV record): give the Autodiscover or the EWS URL.");
        }
        if (translated instanceof ExchangeFailure && (status < 0 || !refused.isEmpty())) {
            // No HTTP answer from the configured URL: refused, closed, silent or not even tried read the same.
            return new ExchangeUnreachable(OutboundRefused.SENTENCE);
        }
        return translated;
    }

    /**
     * ews-java-api's AutodiscoverService, connecting only where the policy allows and trusting only what the
     * JDK trusts ({@link CheckedSockets#checked}), with its last HTTP status kept.
     */
    private static final class GuardedAutodiscover extends AutodiscoverService {
        private final OutboundPolicy policy;
        private HttpWebRequest last;

        GuardedAutodiscover(URI endpoint, OutboundPolicy policy) throws Exception {
            super(endpoint, ExchangeVersion.Exchange2010_SP2);
            this.policy = policy;
        }

        GuardedAutodiscover(OutboundPolicy policy) throws Exception {
            super(ExchangeVersion.Exchange2010_SP2);
            this.policy = policy;
        }

        /** Called by the constructor, before {@link #policy} is set: the factories read it when they connect. */
        @Override
        protected Registry<ConnectionSocketFactory> createConnectionSocketFactoryRegistry() {
            return CheckedSockets.checked(() -> policy);
        }

        @Override
        public HttpWebRequest prepareHttpWebRequestForUrl(URI url) throws ServiceLocalException, URISyntaxException {
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
