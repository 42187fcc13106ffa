package org.corpconnect.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@link ExchangeGateway} over EWS with ews-java-api 2.0. */
@ApplicationScoped
public class EwsGateway implements ExchangeGateway {

    @Inject
    @ConfigProperty(name = "exchange.request-timeout-ms", defaultValue = "30000")
    int requestTimeoutMillis;

    /** <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getfolder-operation">GetFolder</a>. */
    @Override
    public void verify(ExchangeAccess access) {
        call(access, service -> Folder.bind(service, new FolderId(WellKnownFolderName.Calendar)));
    }

    private <T> T call(ExchangeAccess access, EwsCall<T> call) {
        // One ExchangeService per call: it is not thread-safe, and closing it releases its connection.
        try (ExchangeService service = open(access)) {
            return call.on(service);
        } catch (Exception e) {
            throw EwsFailures.translate(e);
        }
    }

    private ExchangeService open(ExchangeAccess access) {
        // Exchange2010_SP2 is what ews-java-api 2.0 speaks, and every Exchange since accepts it.
        ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
        service.setUrl(access.ewsUrl());
        service.setTimeout(requestTimeoutMillis);
        service.setUserAgent("ExchangeCorporateConnection");
        if (access.credential() instanceof ExchangeCredential.Password password) {
            service.setCredentials(webCredentials(password));
        }
        return service;
    }

    private static WebCredentials webCredentials(ExchangeCredential.Password password) {
        String username = password.username();
        int backslash = username.indexOf('\\');
        if (password.scheme() == ExchangeCredential.PasswordScheme.NTLM && backslash > 0) {
            // DOMAIN\\user: ews-java-api takes the NTLM domain apart from the user name.
            return new WebCredentials(username.substring(backslash + 1), password.password().reveal(),
                    username.substring(0, backslash));
        }
        return new WebCredentials(username, password.password().reveal());
    }

    @FunctionalInterface
    private interface EwsCall<T> {
        T on(ExchangeService service) throws Exception;
    }
}
