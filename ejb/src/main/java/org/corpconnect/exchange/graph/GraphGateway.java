package org.corpconnect.exchange.graph;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.exchange.BookingItem;
import org.corpconnect.exchange.CalendarAccessProbe;
import org.corpconnect.exchange.CalendarItemNotFound;
import org.corpconnect.exchange.CalendarItemRef;
import org.corpconnect.exchange.CalendarWatch;
import org.corpconnect.exchange.CalendarWriteDenied;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.ItemState;
import org.corpconnect.exchange.MailboxBusyTime;
import org.corpconnect.exchange.MailboxProblem;
import org.corpconnect.exchange.ProtocolGateway;
import org.corpconnect.exchange.TrustedCertificates;
import org.corpconnect.exchange.WatchCallback;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway over Microsoft Graph v1.0, for Exchange Online: app-only (the central mode) or delegated
 * as the dedicated mailbox (the individual mode), as the account's credential says.
 */
@ApplicationScoped
@Typed({GraphGateway.class, ProtocolGateway.class}) // The product injects the routing ExchangeGateway.
public class GraphGateway implements ProtocolGateway {

    /** Times in answers in UTC, as the gateway writes them. */
    private static final Map<String, String> UTC = Map.of("Prefer", "outlook.timezone=\"UTC\"");

    @Inject
    @ConfigProperty(name = "exchange.request-timeout-ms", defaultValue = "30000")
    int requestTimeoutMillis;

    /** A PEM file of certificates to trust besides the runtime's (a private CA; the simulator's in the demo). */
    @Inject
    @ConfigProperty(name = "exchange.trusted-certificates-file")
    Optional<String> trustedCertificatesFile;

    GraphTokens tokens = new GraphTokens();
    DelegatedTokens delegatedTokens = new DelegatedTokens();

    private final MailboxConcurrency concurrency = new MailboxConcurrency();
    private final Jsonb json = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
    private volatile Optional<SSLContext> trust;
    private volatile GraphTransport transport;

    @Override
    public boolean speaks(ExchangeCredential credential) {
        return credential instanceof ExchangeCredential.GraphApp || credential instanceof ExchangeCredential.GraphDelegated;
    }

    /** Reads the dedicated mailbox's own calendar: the token is good and the mailbox within the app's reach. */
    @Override
    public void verify(ExchangeAccess access) {
        GraphAnswer answer = send(access, access.serviceMailbox(), "GET",
                t -> t.path("users").path(access.serviceMailbox().value()).path("calendar").queryParam("$select", "id"),
                null, Map.of());
        if (!answer.succeeded()) {
            if ((answer.status() == 403 || answer.status() == 404)
                    && access.credential() instanceof ExchangeCredential.GraphDelegated) {
                throw new ExchangeFailure("The dedicated mailbox " + access.serviceMailbox() + " signed in, but may not"
                        + " read its own calendar (HTTP " + answer.status() + " " + GraphFailures.errorOf(answer, json).code()
                        + "): the app needs the delegated permission Calendars.ReadWrite.Shared, consented.");
            }
            if (answer.status() == 403 || answer.status() == 404) {
                throw new ExchangeFailure("The app may not read the dedicated mailbox " + access.serviceMailbox()
                        + "'s calendar (HTTP " + answer.status() + " " + GraphFailures.errorOf(answer, json).code()
                        + "): its RBAC for Applications scope must include the dedicated mailbox as well as the users.");
            }
            throw GraphFailures.of(answer, json);
        }
    }

    /**
     * getSchedule as the dedicated mailbox, {@value GraphSchedules#MAX_SCHEDULES} users a request, one
     * request after the other (the caller runs several calls side by side, within the mailbox's 4).
     */
    @Override
    public Map<MailboxAddress, MailboxBusyTime> busyTimes(ExchangeAccess access, List<MailboxAddress> mailboxes,
            TimeWindow window) {
        Objects.requireNonNull(window);
        List<MailboxAddress> distinct = List.copyOf(new LinkedHashSet<>(mailboxes));
        if (distinct.size() > MAX_MAILBOXES_PER_REQUEST) {
            throw new IllegalArgumentException("At most " + MAX_MAILBOXES_PER_REQUEST + " mailboxes per call, got "
                    + distinct.size() + ".");
        }
        if (window.length().compareTo(Duration.ofDays(MAX_WINDOW_DAYS)) > 0) {
            throw new IllegalArgumentException("A free/busy window spans at most " + MAX_WINDOW_DAYS + " days, got "
                    + window.length() + ".");
        }
        Map<MailboxAddress, MailboxBusyTime> result = new LinkedHashMap<>();
        for (int from = 0; from < distinct.size(); from += GraphSchedules.MAX_SCHEDULES) {
            List<MailboxAddress> group = distinct.subList(from, Math.min(distinct.size(), from + GraphSchedules.MAX_SCHEDULES));
            GraphAnswer answer = send(access, access.serviceMailbox(), "POST",
                    t -> t.path("users").path(access.serviceMailbox().value()).path("calendar").path("getSchedule"),
                    GraphSchedules.request(group, window), UTC);
            if (!answer.succeeded()) {
                throw GraphFailures.of(answer, json);
            }
            result.putAll(GraphSchedules.collect(group, read(answer, GraphSchedules.Answer.class), window, access.mode()));
        }
        return result;
    }

    /** The user's calendar opened as the app (canEdit), then today's free/busy read as the dedicated mailbox. */
    @Override
    public CalendarAccessProbe probe(ExchangeAccess access, MailboxAddress mailbox) {
        Optional<CalendarAccessProbe> denied = openCalendar(access, mailbox).denial();
        if (denied.isPresent()) {
            return denied.get();
        }
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        MailboxBusyTime freeBusy = busyTimes(access, List.of(mailbox), new TimeWindow(today, today.plus(1, ChronoUnit.DAYS)))
                .get(mailbox);
        return probe(access, mailbox, freeBusy);
    }

    @Override
    public CalendarAccessProbe probe(ExchangeAccess access, MailboxAddress mailbox, MailboxBusyTime freeBusyJustRead) {
        Objects.requireNonNull(freeBusyJustRead);
        CalendarOpened calendar = openCalendar(access, mailbox);
        if (calendar.denial().isPresent()) {
            return calendar.denial().get();
        }
        if (freeBusyJustRead instanceof MailboxBusyTime.Unavailable unavailable) {
            return new CalendarAccessProbe(false, calendar.canEdit(), Optional.of(unavailable.problem()),
                    "The calendar opens, but its free/busy cannot be read: " + unavailable.detail());
        }
        return new CalendarAccessProbe(true, calendar.canEdit(), Optional.empty(), calendar.canEdit()
                ? "Busy time readable and bookings writable through Microsoft Graph."
                : "Busy time readable, but the calendar is read-only for the app (Calendars.Read only?).");
    }

    @Override
    public URI discoverEwsUrl(MailboxAddress mailbox, ExchangeCredential credential, Optional<URI> autodiscoverEndpoint) {
        throw new ExchangeFailure("Autodiscover finds EWS URLs; a Microsoft Graph connection needs none.");
    }

    /** POST of the event into the owner's default calendar, the booking id as transactionId and as property. */
    @Override
    public CalendarItemRef createBookingItem(ExchangeAccess access, MailboxAddress owner, BookingItem item) {
        Objects.requireNonNull(item);
        GraphAnswer answer = send(access, owner, "POST",
                t -> t.path("users").path(owner.value()).path("calendar").path("events"),
                GraphBookingEvents.newEvent(item), Map.of());
        requireWritten(answer, access, owner);
        return GraphBookingEvents.refOf(read(answer, GraphBookingEvents.EventId.class));
    }

    /** The owner's events filtered on the booking id's property, ids only; {@code around} is not needed to find it. */
    @Override
    public Optional<CalendarItemRef> findBookingItem(ExchangeAccess access, MailboxAddress owner, String bookingId,
            TimeWindow around) {
        Objects.requireNonNull(bookingId);
        GraphAnswer answer = send(access, owner, "GET",
                t -> t.path("users").path(owner.value()).path("calendar").path("events")
                        .queryParam("$filter", templateSafe(GraphBookingEvents.bookingIdFilter(bookingId)))
                        .queryParam("$select", "id,changeKey")
                        .queryParam("$top", 2),
                null, Map.of());
        requireWritten(answer, access, owner);
        return GraphBookingEvents.firstOf(read(answer, GraphBookingEvents.EventIds.class));
    }

    /** PATCH of subject, start, end and attendees; attendees get Exchange's update. */
    @Override
    public CalendarItemRef updateBookingItem(ExchangeAccess access, MailboxAddress owner, CalendarItemRef ref,
            BookingItem item) {
        Objects.requireNonNull(ref);
        GraphAnswer answer = send(access, owner, "PATCH",
                t -> t.path("users").path(owner.value()).path("events").path(ref.itemId()),
                GraphBookingEvents.change(item), Map.of());
        if (answer.status() == 404 && GraphFailures.mailboxProblem(answer, access.mode(), json).isEmpty()) {
            throw new CalendarItemNotFound("The booking's event is no longer in " + owner + "'s calendar.");
        }
        requireWritten(answer, access, owner);
        return GraphBookingEvents.refOf(read(answer, GraphBookingEvents.EventId.class));
    }

    /** With an invitee: cancel (the invitee gets the cancellation); without: DELETE. Gone already is fine. */
    @Override
    public void deleteBookingItem(ExchangeAccess access, MailboxAddress owner, CalendarItemRef ref, boolean hadInvitee) {
        Objects.requireNonNull(ref);
        GraphAnswer answer = hadInvitee
                ? send(access, owner, "POST", t -> t.path("users").path(owner.value()).path("events").path(ref.itemId())
                        .path("cancel"), new GraphBookingEvents.Cancellation("This booking was cancelled."), Map.of())
                : send(access, owner, "DELETE", t -> t.path("users").path(owner.value()).path("events").path(ref.itemId()),
                        null, Map.of());
        if (answer.status() == 404 && GraphFailures.mailboxProblem(answer, access.mode(), json).isEmpty()) {
            return;
        }
        requireWritten(answer, access, owner);
    }

    /**
     * GET of each event with {@code $select=start,end,isCancelled}, in UTC: where it is now, nothing else of
     * it. 404 (deleted) and a cancelled event are gone; an event Graph refuses for another reason is left out.
     */
    @Override
    public Map<CalendarItemRef, ItemState> itemStates(ExchangeAccess access, MailboxAddress owner, List<CalendarItemRef> refs) {
        Objects.requireNonNull(owner);
        Map<CalendarItemRef, ItemState> states = new LinkedHashMap<>();
        for (CalendarItemRef ref : refs) {
            GraphAnswer answer = send(access, owner, "GET", t -> t.path("users").path(owner.value()).path("events")
                    .path(ref.itemId()).queryParam("$select", "start,end,isCancelled"), null, UTC);
            if (answer.succeeded()) {
                states.put(ref, GraphBookingEvents.stateOf(read(answer, GraphBookingEvents.EventTimes.class)));
            } else if (answer.status() == 404 && GraphFailures.mailboxProblem(answer, access.mode(), json).isEmpty()) {
                states.put(ref, ItemState.GONE);
            } else if (answer.status() == 429 || answer.status() >= 500 || answer.status() == 401) {
                throw GraphFailures.of(answer, json); // The whole read is off: Exchange's back-off, or the credential.
            }
        }
        return states;
    }

    /** EWS ids into Graph's ({@code toThis}) or back, by translateExchangeIds on the owner's mailbox. */
    @Override
    public Map<CalendarItemRef, CalendarItemRef> translateItemRefs(ExchangeAccess access, MailboxAddress owner,
            List<CalendarItemRef> refs, boolean toThis) {
        Map<CalendarItemRef, CalendarItemRef> carried = new LinkedHashMap<>();
        for (int from = 0; from < refs.size(); from += GraphItemIds.MAX_IDS) {
            List<CalendarItemRef> chunk = refs.subList(from, Math.min(refs.size(), from + GraphItemIds.MAX_IDS));
            GraphAnswer answer = send(access, owner, "POST",
                    t -> t.path("users").path(owner.value()).path("translateExchangeIds"),
                    GraphItemIds.request(chunk, toThis), Map.of());
            if (!answer.succeeded()) {
                throw GraphFailures.of(answer, json);
            }
            carried.putAll(GraphItemIds.collect(chunk, read(answer, GraphItemIds.Answer.class)));
        }
        return carried;
    }

    /** Only the app (central mode) subscribes: Graph refuses delegated subscriptions to other users' calendars. */
    @Override
    public boolean watchesByCallback(ExchangeAccess access) {
        return access.credential() instanceof ExchangeCredential.GraphApp;
    }

    /** A subscription on the user's events; Graph validates the callback URL before it answers. */
    @Override
    public CalendarWatch watch(ExchangeAccess access, MailboxAddress user, URI callback, String secretToken,
            Instant until) {
        GraphAnswer answer = send(access, user, "POST", t -> t.path("subscriptions"),
                GraphSubscriptions.of(user, callback, secretToken, until), Map.of());
        if (!answer.succeeded()) {
            throw GraphFailures.of(answer, json);
        }
        return GraphSubscriptions.watchOf(read(answer, GraphSubscriptions.Subscription.class));
    }

    @Override
    public Optional<CalendarWatch> renewWatch(ExchangeAccess access, String watchId, Instant until) {
        GraphAnswer answer = send(access, access.serviceMailbox(), "PATCH", t -> t.path("subscriptions").path(watchId),
                new GraphSubscriptions.Renewal(until.toString()), Map.of());
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.succeeded()) {
            throw GraphFailures.of(answer, json);
        }
        return Optional.of(GraphSubscriptions.watchOf(read(answer, GraphSubscriptions.Subscription.class)));
    }

    @Override
    public void stopWatch(ExchangeAccess access, String watchId) {
        GraphAnswer answer = send(access, access.serviceMailbox(), "DELETE", t -> t.path("subscriptions").path(watchId),
                null, Map.of());
        if (!answer.succeeded() && answer.status() != 404) {
            throw GraphFailures.of(answer, json);
        }
    }

    @Override
    public Optional<WatchCallback> readCallback(Map<String, String> query, String body) {
        return GraphSubscriptions.read(query, body, json);
    }

    private record CalendarOpened(boolean canEdit, Optional<CalendarAccessProbe> denial) {
    }

    private CalendarOpened openCalendar(ExchangeAccess access, MailboxAddress mailbox) {
        Objects.requireNonNull(mailbox);
        GraphAnswer answer = send(access, mailbox, "GET",
                t -> t.path("users").path(mailbox.value()).path("calendar").queryParam("$select", "id,canEdit"),
                null, Map.of());
        if (answer.succeeded()) {
            CalendarRights calendar = read(answer, CalendarRights.class);
            return new CalendarOpened(calendar.canEdit() == null || calendar.canEdit(), Optional.empty());
        }
        Optional<MailboxProblem> problem = GraphFailures.mailboxProblem(answer, access.mode(), json);
        if (problem.isPresent()) {
            return new CalendarOpened(false, Optional.of(CalendarAccessProbe.denied(problem.get(),
                    "Microsoft Graph answered " + answer.status() + " " + GraphFailures.errorOf(answer, json).code()
                            + " for " + mailbox + "'s calendar.")));
        }
        throw GraphFailures.of(answer, json);
    }

    public record CalendarRights(String id, Boolean canEdit) {
    }

    /** A write's refusal for this user becomes {@link CalendarWriteDenied}; any other failure as {@link GraphFailures#of}. */
    private void requireWritten(GraphAnswer answer, ExchangeAccess access, MailboxAddress owner) {
        if (answer.succeeded()) {
            return;
        }
        Optional<MailboxProblem> problem = GraphFailures.mailboxProblem(answer, access.mode(), json);
        if (problem.isPresent()) {
            throw new CalendarWriteDenied(problem.get(), "Microsoft Graph refused the app " + owner + "'s calendar (HTTP "
                    + answer.status() + " " + GraphFailures.errorOf(answer, json).code() + ").");
        }
        throw GraphFailures.of(answer, json);
    }

    /**
     * One request to Graph for the target mailbox, within its 4 in flight, with a token of the account's
     * app or of its dedicated mailbox. A delegated token Graph refuses (401) is replaced once from the
     * refresh token and the request sent once more: Entra ID, not Graph, says whether the sign-in is over
     * (unless Graph refuses the renewed token as well).
     */
    private GraphAnswer send(ExchangeAccess access, MailboxAddress target, String method,
            UnaryOperator<WebTarget> path, Object body, Map<String, String> headers) {
        String bearer = bearer(access, Optional.empty());
        GraphAnswer answer = sendOnce(access, target, method, path, body, headers, bearer);
        if (answer.status() == 401) {
            if (access.credential() instanceof ExchangeCredential.GraphDelegated) {
                answer = sendOnce(access, target, method, path, body, headers, bearer(access, Optional.of(bearer)));
                if (answer.status() == 401) {
                    throw GraphFailures.renewedTokenRefused(answer, json);
                }
            } else {
                // No retry with a new token here: the next call gets one; a loop could hammer both services.
                tokens.reject((ExchangeCredential.GraphApp) access.credential(), access.generation());
            }
        }
        return answer;
    }

    private String bearer(ExchangeAccess access, Optional<String> refused) {
        Optional<SSLSocketFactory> socketFactory = trust().map(SSLContext::getSocketFactory);
        if (access.credential() instanceof ExchangeCredential.GraphDelegated delegated) {
            return delegatedTokens.token(delegated, access.serviceMailbox(), requestTimeout(), socketFactory, refused);
        }
        return tokens.token((ExchangeCredential.GraphApp) access.credential(), access.generation(), requestTimeout(),
                socketFactory);
    }

    private GraphAnswer sendOnce(ExchangeAccess access, MailboxAddress target, String method,
            UnaryOperator<WebTarget> path, Object body, Map<String, String> headers, String bearer) {
        try (MailboxConcurrency.Permit permit = concurrency.acquire(clientIdOf(access.credential()), target,
                requestTimeout())) {
            GraphTransport http = transport();
            return http.send(method, path.apply(http.target(access.endpoint())), bearer, body, headers);
        }
    }

    private static String clientIdOf(ExchangeCredential credential) {
        return credential instanceof ExchangeCredential.GraphDelegated delegated ? delegated.clientId()
                : ((ExchangeCredential.GraphApp) credential).clientId();
    }

    Duration requestTimeout() {
        return Duration.ofMillis(requestTimeoutMillis);
    }

    private <T> T read(GraphAnswer answer, Class<T> type) {
        try {
            return json.fromJson(answer.body(), type);
        } catch (JsonbException notJson) {
            throw new ExchangeFailure("Microsoft Graph's answer (HTTP " + answer.status() + ") was not the JSON expected.");
        }
    }

    /**
     * Percent-encodes what JAX-RS would otherwise get wrong in an OData query value: braces (read as a
     * URI template) and spaces (sent as '+', which a server may take for a literal plus).
     */
    private static String templateSafe(String value) {
        return value.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20");
    }

    Optional<SSLContext> trust() {
        Optional<SSLContext> known = trust;
        if (known == null) {
            known = TrustedCertificates.withFile(trustedCertificatesFile.filter(f -> !f.isBlank()).map(Path::of));
            trust = known;
        }
        return known;
    }

    private GraphTransport transport() {
        GraphTransport known = transport;
        if (known == null) {
            synchronized (this) {
                if (transport == null) {
                    transport = new GraphTransport(Duration.ofMillis(requestTimeoutMillis), trust(), json);
                }
                known = transport;
            }
        }
        return known;
    }

    @PreDestroy
    void close() {
        if (transport != null) {
            transport.close();
        }
    }
}
