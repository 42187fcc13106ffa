package org.corpconnect.exchange.ews;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.ExchangeServiceBase;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.enumeration.notification.EventType;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.request.GetStreamingEventsRequest;
import microsoft.exchange.webservices.data.core.request.HttpWebRequest;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.credential.ExchangeCredentials;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.exchange.BookingItem;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CalendarAccessProbe;
import org.corpconnect.exchange.CalendarStream;
import org.corpconnect.exchange.CalendarItemRef;
import org.corpconnect.exchange.CalendarWriteDenied;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeException;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ItemState;
import org.corpconnect.exchange.MailboxBusyTime;
import org.corpconnect.exchange.MailboxProblem;
import org.corpconnect.exchange.ProtocolGateway;
import org.corpconnect.exchange.outbound.OutboundPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The gateway over EWS with ews-java-api 2.0, for passwords (on-premises) and EWS app-only OAuth. */
@ApplicationScoped
@Typed({EwsGateway.class, ProtocolGateway.class}) // The product injects the routing ExchangeGateway.
public class EwsGateway implements ProtocolGateway {

    @Inject
    @ConfigProperty(name = "exchange.request-timeout-ms", defaultValue = "30000")
    int requestTimeoutMillis;

    /** Where the server may connect: checked on every connection, after name resolution. */
    @Inject
    OutboundPolicy outbound;

    /** App-only tokens, cached per credential and generation; replaced in tests to count fetches. */
    OAuthTokens tokens = new OAuthTokens(() -> outbound);

    static final String USER_AGENT = "ExchangeCorporateConnection";

    private final EwsServicePool<CheckedExchangeService> services = new EwsServicePool<>(Clock.systemUTC());

    @PreDestroy
    void closeServices() {
        services.closeAll();
    }

    @Override
    public boolean speaks(ExchangeCredential credential) {
        return credential instanceof ExchangeCredential.Password || credential instanceof ExchangeCredential.OAuthApp;
    }

    /** <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getfolder-operation">GetFolder</a>. */
    @Override
    public void verify(ExchangeAccess access) {
        call(access, service -> Folder.bind(service, new FolderId(WellKnownFolderName.Calendar)));
    }

    /**
     * {@link #verify}, and which scheme a password got in with. Basic goes first (preemptively);
     * when the server refuses it and offers only Windows authentication, as an on-premises server
     * with Basic turned off does, the password is tried once with NTLM. A refused Basic on such a
     * server never reaches the account, so this costs no lockout attempt. ews-java-api prefers NTLM
     * to Basic when the server offers both, so an NTLM password reports NTLM where it is offered.
     */
    @Override
    public ExchangeCredential verified(ExchangeAccess access) {
        if (!(access.credential() instanceof ExchangeCredential.Password password)) {
            verify(access);
            return access.credential();
        }
        Duration timeout = Duration.ofMillis(requestTimeoutMillis);
        if (password.scheme() == ExchangeCredential.PasswordScheme.NTLM) {
            verify(access);
            return EwsChallenge.offersWindowsAuthentication(EwsChallenge.offeredSchemes(access.endpoint(), timeout, outbound))
                    ? password : withScheme(password, ExchangeCredential.PasswordScheme.BASIC);
        }
        try {
            verify(access);
            return password;
        } catch (CredentialRejected rejected) {
            Set<String> offered = EwsChallenge.offeredSchemes(access.endpoint(), timeout, outbound);
            if (offered.contains("BASIC") || !EwsChallenge.offersWindowsAuthentication(offered)) {
                throw rejected;
            }
            ExchangeCredential.Password ntlm = withScheme(password, ExchangeCredential.PasswordScheme.NTLM);
            verify(new ExchangeAccess(access.endpoint(), access.serviceMailbox(), access.mode(), ntlm, access.generation()));
            return ntlm;
        }
    }

    private static ExchangeCredential.Password withScheme(ExchangeCredential.Password p, ExchangeCredential.PasswordScheme scheme) {
        return new ExchangeCredential.Password(p.username(), p.password(), scheme);
    }

    /**
     * <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getuseravailability-operation">GetUserAvailability</a>,
     * FreeBusy view, as the dedicated mailbox itself whatever the access mode: free/busy needs no
     * impersonation, so up to 100 users fit one request. One request, or two when the whole UTC days
     * covering the window would exceed 42 days ({@link EwsBusyTimes}). No retry: the caller retries.
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
        List<List<FreeBusyAnswerReader.MailboxAnswer>> answers = new ArrayList<>();
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

    /** CreateItem in the owner's calendar through the access mode; the rules are in {@link EwsBookingItems}. */
    @Override
    public CalendarItemRef createBookingItem(ExchangeAccess access, MailboxAddress owner, BookingItem item) {
        Objects.requireNonNull(item);
        return onCalendar(access, owner, service -> EwsBookingItems.create(service, access.mode(), owner, item));
    }

    /** FindItem (ItemView, restriction on the booking id and the window), ids and the booking id only. */
    @Override
    public Optional<CalendarItemRef> findBookingItem(ExchangeAccess access, MailboxAddress owner, String bookingId,
            TimeWindow around) {
        Objects.requireNonNull(bookingId);
        Objects.requireNonNull(around);
        return onCalendar(access, owner, service -> EwsBookingItems.find(service, access.mode(), owner, bookingId, around));
    }

    /** GetItem (IdOnly), then UpdateItem of subject, start, end and attendee. */
    @Override
    public CalendarItemRef updateBookingItem(ExchangeAccess access, MailboxAddress owner, CalendarItemRef ref,
            BookingItem item) {
        Objects.requireNonNull(ref);
        Objects.requireNonNull(item);
        return onCalendar(access, owner, service -> EwsBookingItems.update(service, access.mode(), owner, ref, item));
    }

    /** DeleteItem; an item already gone is not an error. */
    @Override
    public void deleteBookingItem(ExchangeAccess access, MailboxAddress owner, CalendarItemRef ref, boolean hadInvitee) {
        Objects.requireNonNull(ref);
        onCalendar(access, owner, service -> {
            EwsBookingItems.delete(service, access.mode(), owner, ref, hadInvitee);
            return null;
        });
    }

    /** GetItem of the ids (IdOnly, Start, End, IsCancelled), {@value EwsBookingItems#MAX_IDS_PER_GET} a request. */
    @Override
    public Map<CalendarItemRef, ItemState> itemStates(ExchangeAccess access, MailboxAddress owner, List<CalendarItemRef> refs) {
        Objects.requireNonNull(refs);
        if (refs.isEmpty()) {
            return Map.of();
        }
        return onCalendar(access, owner, service -> EwsBookingItems.states(service, access.mode(), owner, refs));
    }

    /** A call on the owner's calendar: its denials become {@link CalendarWriteDenied}, the rest as {@link #call}. */
    private <T> T onCalendar(ExchangeAccess access, MailboxAddress owner, EwsCall<T> calendarCall) {
        Objects.requireNonNull(owner);
        return call(access, service -> {
            try {
                return calendarCall.on(service);
            } catch (Exception e) {
                throw EwsFailures.calendarWriteDenied(e, access.mode(), owner).<Exception>map(denied -> denied)
                        .orElse(e);
            }
        });
    }

    private EwsAccessProbe.FolderAccess openCalendar(ExchangeAccess access, MailboxAddress mailbox) {
        Objects.requireNonNull(mailbox);
        return call(access, service -> EwsAccessProbe.openCalendar(service, access.mode(), mailbox));
    }

    /**
     * SOAP Autodiscover (GetUserSettings) through {@link EwsAutodiscover}. An app's token is fetched for
     * this one request and not cached: there is no {@link ExchangeAccess#generation()} to key it by.
     */
    @Override
    public URI discoverEwsUrl(MailboxAddress mailbox, ExchangeCredential credential, Optional<URI> autodiscoverEndpoint) {
        Objects.requireNonNull(mailbox);
        Objects.requireNonNull(credential);
        Objects.requireNonNull(autodiscoverEndpoint);
        String bearer = credential instanceof ExchangeCredential.OAuthApp app
                ? tokens.fetch(app, Duration.ofMillis(requestTimeoutMillis))
                : null;
        return EwsAutodiscover.discover(mailbox, autodiscoverEndpoint, requestTimeoutMillis, outbound, service -> {
            if (credential instanceof ExchangeCredential.Password password) {
                authenticate(service, password);
            } else {
                service.getHttpHeaders().put("Authorization", "Bearer " + bearer);
                // Exchange Online routes an app-only request by the mailbox it is about.
                service.getHttpHeaders().put("X-AnchorMailbox", mailbox.value());
                service.setCredentials(new HeaderCredentials());
            }
        });
    }

    /** Subscriptions a GetStreamingEvents connection may carry ("a maximum of 200 subscription IDs in the same group"). */
    static final int SUBSCRIPTIONS_PER_CONNECTION = 200;
    /**
     * How long a streaming read waits for the next message: Exchange sends a heartbeat (ConnectionStatus OK)
     * on a silent connection; a connection silent for longer than this is taken as dropped.
     */
    static final Duration STREAM_READ_TIMEOUT = Duration.ofMinutes(2);

    @Override
    public boolean watchesByStream(ExchangeAccess access) {
        return true;
    }

    @Override
    public int watchesPerStream(ExchangeAccess access) {
        return SUBSCRIPTIONS_PER_CONNECTION;
    }

    /**
     * <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/subscribe-operation">Subscribe</a>
     * (streaming) on the user's calendar, one subscription per mailbox as Exchange requires: impersonating
     * the user in IMPERSONATION mode (so it counts against the user's budget), else as the dedicated
     * mailbox on {@code FolderId(Calendar, Mailbox(user))}.
     */
    @Override
    public String subscribeStream(ExchangeAccess access, MailboxAddress user) {
        Objects.requireNonNull(user);
        return call(access, service -> service.subscribeToStreamingNotifications(
                List.of(EwsBookingItems.ownersCalendar(service, access.mode(), user)), EventType.Created, EventType.Deleted,
                EventType.Modified, EventType.Moved, EventType.Copied).getId());
    }

    /** <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/unsubscribe-operation">Unsubscribe</a>. */
    @Override
    public void unsubscribeStream(ExchangeAccess access, MailboxAddress user, String watchId) {
        call(access, service -> {
            if (access.mode() == AccessMode.IMPERSONATION) {
                impersonate(service, user);
            }
            try {
                service.unsubscribe(watchId);
            } catch (ServiceResponseException gone) {
                if (gone.getErrorCode() != ServiceError.ErrorSubscriptionNotFound) {
                    throw gone;
                }
            }
            return null;
        });
    }

    /**
     * <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getstreamingevents-operation">GetStreamingEvents</a>
     * for up to 200 subscriptions, anchored to the first user (impersonated in IMPERSONATION mode,
     * so that the connection counts against that mailbox; as the dedicated mailbox in DELEGATION mode,
     * whose subscriptions they are), ConnectionTimeout 1-30 minutes. Its answer
     * is read by {@link StreamedMessages}, never by ews-java-api's streaming reader.
     */
    @Override
    public CalendarStream openStream(ExchangeAccess access, Map<String, MailboxAddress> watches, Duration length) {
        if (watches.isEmpty() || watches.size() > SUBSCRIPTIONS_PER_CONNECTION) {
            throw new IllegalArgumentException("A streaming connection carries 1 to " + SUBSCRIPTIONS_PER_CONNECTION
                    + " subscriptions, got " + watches.size() + ".");
        }
        int minutes = (int) Math.max(1, Math.min(30, length.toMinutes()));
        String bearer = access.credential() instanceof ExchangeCredential.OAuthApp app
                ? tokens.token(app, access.generation(), Duration.ofMillis(requestTimeoutMillis))
                : null;
        ExchangeService service = configure(newService(), access, bearer); // held open by the stream: not the pool's
        try {
            service.setTimeout((int) STREAM_READ_TIMEOUT.toMillis());
            if (access.mode() == AccessMode.IMPERSONATION) {
                impersonate(service, watches.values().iterator().next());
            } // DELEGATION: the subscriptions are the dedicated mailbox's, and so is the connection (configure() impersonates it for an app)
            StreamingRequest request = new StreamingRequest(service, watches.keySet(), minutes);
            return new EwsCalendarStream(service, request.send(), watches.keySet());
        } catch (Exception e) {
            service.close();
            throw EwsFailures.translate(e);
        }
    }

    /** GetStreamingEvents sent through ews-java-api (its authentication and checked sockets), its answer left unread. */
    private static final class StreamingRequest extends GetStreamingEventsRequest {
        StreamingRequest(ExchangeService service, Iterable<String> subscriptionIds, int minutes) throws Exception {
            super(service, response -> { }, subscriptionIds, minutes);
        }

        HttpWebRequest send() throws Exception {
            return validateAndEmitRequest();
        }
    }

    private <T> T call(ExchangeAccess access, EwsCall<T> call) {
        // Outside the try: the token endpoint's own failures are already ours, and are not Exchange's 401.
        String bearer = access.credential() instanceof ExchangeCredential.OAuthApp app
                ? tokens.token(app, access.generation(), Duration.ofMillis(requestTimeoutMillis))
                : null;
        // An ExchangeService is not thread-safe: this call holds it alone, and hands it back only if it succeeded.
        CheckedExchangeService service = services.take(access, this::newService);
        configure(service, access, bearer);
        boolean succeeded = false;
        try {
            T result = call.on(service);
            succeeded = true;
            return result;
        } catch (Exception e) {
            ExchangeException failure = EwsFailures.translate(e);
            if (bearer != null && EwsFailures.mailboxProblem(EwsFailures.mailboxError(e)
                    .map(ServiceResponseException::getErrorCode).orElse(null)) == MailboxProblem.IMPERSONATION_DENIED) {
                // Only the dedicated mailbox is impersonated here: the probe answers a user's denial itself.
                throw new ExchangeFailure("The app may not act as the dedicated mailbox " + access.serviceMailbox()
                        + " (ErrorImpersonateUserDenied): its application access policy (or RBAC for Applications"
                        + " scope) must include the dedicated mailbox as well as the users.");
            }
            if (bearer != null && failure instanceof CredentialRejected) {
                // No retry with a fresh token: the next call fetches one; a loop could hammer both services.
                tokens.reject((ExchangeCredential.OAuthApp) access.credential(), access.generation(), bearer);
                throw new CredentialRejected("Exchange rejected the app's access token (HTTP 401): the app may lack"
                        + " the full_access_as_app application permission or the admin's consent, or the token was"
                        + " revoked; the next request asks the token endpoint for a new one.");
            }
            throw failure;
        } finally {
            if (succeeded) {
                service.closeConnection();
                services.giveBack(access, service);
            } else {
                service.close();
            }
        }
    }

    private CheckedExchangeService newService() {
        // Exchange2010_SP2 is what ews-java-api 2.0 speaks, and every Exchange since accepts it.
        return new CheckedExchangeService(ExchangeVersion.Exchange2010_SP2, outbound);
    }

    /** Sets everything a call's requests carry, over whatever an earlier call of the same access set. */
    private ExchangeService configure(ExchangeService service, ExchangeAccess access, String bearer) {
        service.getHttpHeaders().clear();
        service.setImpersonatedUserId(null);
        service.setUrl(access.endpoint());
        service.setTimeout(requestTimeoutMillis);
        service.setUserAgent(USER_AGENT);
        if (access.credential() instanceof ExchangeCredential.Password password) {
            authenticate(service, password);
        } else {
            service.getHttpHeaders().put("Authorization", "Bearer " + bearer);
            service.setCredentials(new HeaderCredentials());
            // An app-only token has no mailbox: every request impersonates one. By default the dedicated
            // mailbox, so free/busy and verify act as it does with a password; the impersonation probe
            // replaces this with the user (EwsAccessProbe), a delegation probe keeps it.
            impersonate(service, access.serviceMailbox());
        }
        return service;
    }

    /** Impersonates the mailbox, with the X-AnchorMailbox header Exchange Online routes it by (on-premises ignores it). */
    static void impersonate(ExchangeService service, MailboxAddress mailbox) {
        service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, mailbox.value()));
        service.getHttpHeaders().put("X-AnchorMailbox", mailbox.value());
    }

    private static void authenticate(ExchangeServiceBase service, ExchangeCredential.Password password) {
        if (password.scheme() == ExchangeCredential.PasswordScheme.BASIC) {
            // Preemptive: with WebCredentials, HttpClient sends every request first without credentials
            // and again after the 401 challenge, doubling the requests Exchange counts and throttles.
            service.getHttpHeaders().put("Authorization", basicAuthorization(password));
            service.setCredentials(new HeaderCredentials());
        } else {
            service.setCredentials(webCredentials(password));
        }
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
