package org.corpconnect.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jakarta.inject.Inject;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.credential.ExchangeCredentials;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.misc.availability.GetUserAvailabilityResults;
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

    /**
     * <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getuseravailability-operation">GetUserAvailability</a>,
     * FreeBusy view, as the dedicated mailbox itself whatever the access mode: free/busy needs no
     * impersonation, so up to 100 users fit one request. One request, or two when ews-java-api's
     * whole-UTC-day window would exceed 42 days ({@link EwsBusyTimes}). No retry: the caller retries.
     */
    @Override
    public Map<MailboxAddress, MailboxBusyTime> busyTimes(ExchangeAccess access, List<MailboxAddress> mailboxes,
            TimeWindow window) {
        Objects.requireNonNull(access);
        Objects.requireNonNull(window);
        List<MailboxAddress> distinct = List.copyOf(new LinkedHashSet<>(mailboxes));
        if (distinct.size() > MAX_MAILBOXES_PER_REQUEST) {
            throw new IllegalArgumentException("At most " + MAX_MAILBOXES_PER_REQUEST
                    + " mailboxes per free/busy request (Exchange's limit), got " + distinct.size() + ".");
        }
        if (window.length().compareTo(Duration.ofDays(MAX_WINDOW_DAYS)) > 0) {
            throw new IllegalArgumentException("A free/busy window spans at most " + MAX_WINDOW_DAYS
                    + " days (Exchange's limit), got " + window.length() + ".");
        }
        if (distinct.isEmpty()) {
            return Map.of();
        }
        List<TimeWindow> requestWindows = EwsBusyTimes.requestWindows(window);
        List<GetUserAvailabilityResults> answers = new ArrayList<>();
        for (TimeWindow utcDays : requestWindows) {
            answers.add(call(access, service -> EwsBusyTimes.request(service, distinct, utcDays)));
        }
        return EwsBusyTimes.collect(distinct, window, requestWindows, answers);
    }

    /**
     * GetFolder of the user's calendar through the access mode (EffectiveRights), then, unless the
     * mailbox does not exist, one GetUserAvailability for today; the rule is in {@link EwsAccessProbe}.
     */
    @Override
    public CalendarAccessProbe probe(ExchangeAccess access, MailboxAddress mailbox) {
        Objects.requireNonNull(mailbox);
        EwsAccessProbe.FolderAccess folder = openCalendar(access, mailbox);
        if (folder.problem().filter(p -> p == MailboxProblem.MAILBOX_NOT_FOUND).isPresent()) {
            return CalendarAccessProbe.denied(MailboxProblem.MAILBOX_NOT_FOUND, folder.detail());
        }
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        MailboxBusyTime freeBusy = busyTimes(access, List.of(mailbox),
                new TimeWindow(today, today.plus(1, ChronoUnit.DAYS))).get(mailbox);
        return EwsAccessProbe.combine(access.mode(), folder, freeBusy);
    }

    /** GetFolder only: the caller has just read the user's free/busy and passes what it got. */
    @Override
    public CalendarAccessProbe probe(ExchangeAccess access, MailboxAddress mailbox, MailboxBusyTime freeBusyJustRead) {
        Objects.requireNonNull(freeBusyJustRead);
        EwsAccessProbe.FolderAccess folder = openCalendar(access, mailbox);
        if (folder.problem().filter(p -> p == MailboxProblem.MAILBOX_NOT_FOUND).isPresent()) {
            return CalendarAccessProbe.denied(MailboxProblem.MAILBOX_NOT_FOUND, folder.detail());
        }
        return EwsAccessProbe.combine(access.mode(), folder, freeBusyJustRead);
    }

    private EwsAccessProbe.FolderAccess openCalendar(ExchangeAccess access, MailboxAddress mailbox) {
        Objects.requireNonNull(mailbox);
        return call(access, service -> EwsAccessProbe.openCalendar(service, access.mode(), mailbox));
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
            if (password.scheme() == ExchangeCredential.PasswordScheme.BASIC) {
                // Preemptive: with WebCredentials, HttpClient sends every request first without credentials
                // and again after the 401 challenge, doubling the requests Exchange counts and throttles.
                service.getHttpHeaders().put("Authorization", basicAuthorization(password));
                service.setCredentials(new HeaderCredentials());
            } else {
                service.setCredentials(webCredentials(password));
            }
        }
        return service;
    }

    private static String basicAuthorization(ExchangeCredential.Password password) {
        byte[] pair = (password.username() + ":" + password.password().reveal()).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair);
    }

    /** The credential travels in the Authorization header already; ews-java-api still wants an object. */
    private static final class HeaderCredentials extends ExchangeCredentials {
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
