package org.corpconnect.sim.notifications;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.corpconnect.sim.calendar.CalendarFolder;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.items.ItemIds;
import org.corpconnect.sim.soap.Dom;
import org.corpconnect.sim.soap.EwsCall;
import org.corpconnect.sim.soap.EwsOperation;
import org.corpconnect.sim.soap.ResponseError;
import org.corpconnect.sim.soap.ResponseMessages;
import org.corpconnect.sim.soap.SoapRequest;
import org.corpconnect.sim.soap.StreamingOperation;
import org.corpconnect.sim.soap.XmlWriter;
import org.w3c.dom.Element;

/**
 * Subscribe, GetEvents, Unsubscribe and GetStreamingEvents (notification-subscriptions docs).
 * Watching another user's calendar needs Reviewer or better (or impersonation, which makes it one's
 * own). Folders other than calendars may be subscribed to; they never produce events here.
 * GetStreamingEvents keeps its connection open and sends a message per batch of events.
 */
public final class NotificationOperations {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_EVENTS_PER_CALL = 50;

    /** How long a streaming connection stays silent before a ConnectionStatus OK heartbeat (our choice). */
    public static final Duration HEARTBEAT = Duration.ofSeconds(30);

    /** Exchange Online allows 10 open streaming connections per account (EWS-NOTES, throttling docs). */
    public static final int MAX_STREAMING_CONNECTIONS = 10;

    private final Subscriptions subscriptions;
    private final Map<String, AtomicInteger> openStreams = new ConcurrentHashMap<>();

    public NotificationOperations(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    public EwsOperation subscribe() {
        return (call, w) -> {
            Element request = SoapRequest.children(call.body()).get(0);
            boolean streaming = "StreamingSubscriptionRequest".equals(request.getLocalName());
            if ("PushSubscriptionRequest".equals(request.getLocalName())) {
                ResponseMessages.write(call, w, "m:SubscribeResponse", "m:SubscribeResponseMessage", List.of(request), (r, out) -> {
                    throw new ResponseError("ErrorInvalidSubscriptionRequest", "The simulator does not push notifications.");
                });
                return;
            }
            ResponseMessages.write(call, w, "m:SubscribeResponse", "m:SubscribeResponseMessage", List.of(request), (r, out) -> {
                List<MailboxAddress> calendars = calendars(call, r);
                Set<String> types = new LinkedHashSet<>();
                Dom.child(r, "EventTypes").ifPresent(e -> Dom.children(e, "EventType")
                        .forEach(t -> types.add(t.getTextContent().trim())));
                Map<MailboxAddress, Long> position = Dom.text(r, "Watermark")
                        .map(wm -> Subscriptions.parseWatermark(wm).orElseThrow(NotificationOperations::invalidWatermark))
                        .orElseGet(() -> current(call, calendars));
                Duration timeout = streaming ? null
                        : Duration.ofMinutes(Dom.text(r, "Timeout").map(Integer::parseInt).orElse(30));
                Subscriptions.Subscription s = subscriptions.create(call.principal().name(), streaming, calendars, types,
                        timeout, call.clock().instant(), position);
                if (s == null) {
                    throw new ResponseError("ErrorExceededSubscriptionCount",
                            "You have exceeded the available subscriptions for your account.");
                }
                out.element("m:SubscriptionId", s.id());
                if (!streaming) {
                    out.element("m:Watermark", Subscriptions.watermark(s.position));
                }
            });
        };
    }

    public EwsOperation getEvents() {
        return (call, w) -> {
            String id = Dom.text(call.body(), "SubscriptionId").orElse("");
            String watermark = Dom.text(call.body(), "Watermark").orElse("");
            ResponseMessages.write(call, w, "m:GetEventsResponse", "m:GetEventsResponseMessage", List.of(id), (x, out) -> {
                Subscriptions.Subscription s = subscription(call, id);
                if (s.streaming) {
                    throw new ResponseError("ErrorInvalidPullSubscriptionId", "The subscription is a streaming subscription.");
                }
                if (s.expired(call.clock().instant())) {
                    subscriptions.remove(id);
                    throw new ResponseError("ErrorExpiredSubscription", "The subscription has expired.");
                }
                Map<MailboxAddress, Long> from = Subscriptions.parseWatermark(watermark)
                        .orElseThrow(NotificationOperations::invalidWatermark);
                s.lastPoll = call.clock().instant();
                writeNotification(call, out, s, from, "m:Notification");
            });
        };
    }

    public EwsOperation unsubscribe() {
        return (call, w) -> {
            String id = Dom.text(call.body(), "SubscriptionId").orElse("");
            ResponseMessages.write(call, w, "m:UnsubscribeResponse", "m:UnsubscribeResponseMessage", List.of(id), (x, out) -> {
                subscription(call, id);
                subscriptions.remove(id);
            });
        };
    }

    /**
     * GetStreamingEvents: one chunked response carrying a message whenever events arrive, a
     * ConnectionStatus OK heartbeat after {@link #HEARTBEAT} of silence, and ConnectionStatus Closed
     * when ConnectionTimeout (1-30 minutes) ends. The client reconnects then, as with Exchange.
     */
    public EwsOperation getStreamingEvents() {
        return new StreamingOperation() {
            @Override
            public void stream(EwsCall call, Sink sink) throws IOException {
                List<String> ids = Dom.child(call.body(), "SubscriptionIds")
                        .map(e -> Dom.children(e, "SubscriptionId").stream().map(x -> x.getTextContent().trim()).toList())
                        .orElse(List.of());
                int minutes = Dom.text(call.body(), "ConnectionTimeout").map(Integer::parseInt).orElse(30);
                List<Subscriptions.Subscription> subs = new ArrayList<>();
                AtomicInteger open = openStreams.computeIfAbsent(call.principal().name(), a -> new AtomicInteger());
                try {
                    for (String id : ids) {
                        Subscriptions.Subscription s = subscription(call, id);
                        if (!s.streaming) {
                            throw new ResponseError("ErrorInvalidSubscription", "The subscription is not a streaming subscription.");
                        }
                        subs.add(s);
                    }
                    if (open.incrementAndGet() > MAX_STREAMING_CONNECTIONS) {
                        open.decrementAndGet();
                        throw new ResponseError("ErrorExceededConnectionCount",
                                "You have exceeded the available concurrent connections for your account.");
                    }
                } catch (ResponseError e) {
                    call.log().responseCode(e.responseCode());
                    sink.send(w -> message(w, e, call, List.of(), null));
                    return;
                }
                call.log().responseCode("NoError");
                try {
                    Instant deadline = call.clock().instant().plus(Duration.ofMinutes(minutes));
                    Instant lastSent = call.clock().instant();
                    while (call.clock().instant().isBefore(deadline)) {
                        List<Subscriptions.Subscription> withEvents = subs.stream().filter(s -> hasChanges(call, s)).toList();
                        if (!withEvents.isEmpty() || call.clock().instant().isAfter(lastSent.plus(HEARTBEAT))) {
                            sink.send(w -> message(w, null, call, withEvents, "OK"));
                            lastSent = call.clock().instant();
                        }
                        Thread.sleep(100);
                    }
                    sink.send(w -> message(w, null, call, List.of(), "Closed"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    open.decrementAndGet();
                }
            }
        };
    }

    private static void message(XmlWriter w, ResponseError error, EwsCall call, List<Subscriptions.Subscription> withEvents,
                                String status) {
        w.start("m:GetStreamingEventsResponse").start("m:ResponseMessages");
        w.start("m:GetStreamingEventsResponseMessage").attr("ResponseClass", error == null ? "Success" : "Error");
        if (error != null) {
            error.writeBody(w, "m:");
        } else {
            w.element("m:ResponseCode", "NoError");
            if (!withEvents.isEmpty()) {
                w.start("m:Notifications");
                for (Subscriptions.Subscription s : withEvents) {
                    writeNotification(call, w, s, s.position, "t:Notification");
                }
                w.end();
            }
            w.element("m:ConnectionStatus", status);
        }
        w.end().end().end();
    }

    private Subscriptions.Subscription subscription(EwsCall call, String id) {
        Subscriptions.Subscription s = subscriptions.find(id).orElseThrow(() -> new ResponseError(
                "ErrorSubscriptionNotFound", "The specified subscription was not found."));
        if (!s.account.equals(call.principal().name())) {
            throw new ResponseError("ErrorSubscriptionAccessDenied", "A subscription can only be used by the account that created it.");
        }
        return s;
    }

    private static boolean hasChanges(EwsCall call, Subscriptions.Subscription s) {
        return s.calendars.stream().anyMatch(m -> call.directory().find(m)
                .map(mb -> mb.calendar().sequence() > s.position.getOrDefault(m, 0L)).orElse(false));
    }

    /** Writes one Notification with the events after {@code from}, and moves the subscription there. */
    private static void writeNotification(EwsCall call, XmlWriter out, Subscriptions.Subscription s,
                                          Map<MailboxAddress, Long> from, String element) {
        record Event(MailboxAddress mailbox, CalendarFolder.Change change) {
        }
        List<Event> events = new ArrayList<>();
        for (MailboxAddress m : s.calendars) {
            call.directory().find(m).ifPresent(mb -> mb.calendar().changesSince(from.getOrDefault(m, 0L))
                    .forEach(c -> events.add(new Event(m, c))));
        }
        boolean more = events.size() > MAX_EVENTS_PER_CALL;
        List<Event> sent = events.subList(0, Math.min(MAX_EVENTS_PER_CALL, events.size()));
        Map<MailboxAddress, Long> position = new LinkedHashMap<>(from);
        out.start(element);
        out.element("t:SubscriptionId", s.id);
        out.element("t:PreviousWatermark", Subscriptions.watermark(from));
        out.element("t:MoreEvents", more);
        String now = UTC.format(call.clock().instant());
        for (Event e : sent) {
            position.put(e.mailbox(), e.change().sequence());
            String watermark = Subscriptions.watermark(position);
            String type = switch (e.change().kind()) {
                case Create -> "CreatedEvent";
                case Update -> "ModifiedEvent";
                case Delete -> "DeletedEvent";
            };
            for (String t : List.of(type, "FreeBusyChangedEvent")) {
                if (s.eventTypes.contains(t)) {
                    out.start("t:" + t);
                    out.element("t:Watermark", watermark);
                    out.element("t:TimeStamp", now);
                    out.start("t:ItemId").attr("Id", ItemIds.itemId(e.mailbox(), e.change().itemId())).end();
                    out.start("t:ParentFolderId").attr("Id", ItemIds.calendarFolderId(e.mailbox()))
                            .attr("ChangeKey", ItemIds.folderChangeKey()).end();
                    out.end();
                }
            }
        }
        if (!more) {
            // Caught up: the reader stands at the end of every watched calendar.
            for (MailboxAddress m : s.calendars) {
                call.directory().find(m).ifPresent(mb -> position.put(m, Math.max(position.getOrDefault(m, 0L),
                        mb.calendar().sequence())));
            }
        }
        if (sent.isEmpty()) {
            out.start("t:StatusEvent").element("t:Watermark", Subscriptions.watermark(position)).end();
        }
        out.end();
        s.position = position;
    }

    private static List<MailboxAddress> calendars(EwsCall call, Element request) {
        List<MailboxAddress> out = new ArrayList<>();
        if ("true".equals(request.getAttribute("SubscribeToAllFolders"))) {
            out.add(call.acting());
            return out;
        }
        Optional<Element> folders = Dom.child(request, "FolderIds");
        for (Element f : folders.map(SoapRequest::children).orElse(List.of())) {
            MailboxAddress owner;
            boolean calendar;
            if ("DistinguishedFolderId".equals(f.getLocalName())) {
                owner = Dom.child(f, "Mailbox").flatMap(m -> Dom.text(m, "EmailAddress")).map(MailboxAddress::of)
                        .orElse(call.acting());
                calendar = "calendar".equals(f.getAttribute("Id"));
            } else {
                owner = ItemIds.parseCalendarFolder(f.getAttribute("Id"))
                        .orElseThrow(() -> new ResponseError("ErrorInvalidIdMalformed", "Id is malformed."));
                calendar = true;
            }
            Mailbox mailbox = call.targetMailbox(owner.value());
            if (!owner.equals(call.acting()) && !call.accessTo(mailbox).readsItems()) {
                throw ResponseError.accessDenied();
            }
            if (calendar) {
                out.add(owner);
            }
        }
        return out;
    }

    private static Map<MailboxAddress, Long> current(EwsCall call, List<MailboxAddress> calendars) {
        Map<MailboxAddress, Long> position = new LinkedHashMap<>();
        for (MailboxAddress m : calendars) {
            position.put(m, call.directory().find(m).map(mb -> mb.calendar().sequence()).orElse(0L));
        }
        return position;
    }

    private static ResponseError invalidWatermark() {
        return new ResponseError("ErrorInvalidWatermark", "The watermark is invalid.");
    }
}
