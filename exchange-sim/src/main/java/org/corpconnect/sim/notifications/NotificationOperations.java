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
import org.corpconnect.sim.mail.MailFolder;
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
 * own). Calendars and Inboxes produce events; an Inbox can be watched only by its owner (or an
 * impersonating caller); other folders may be subscribed to and never produce events here.
 * GetStreamingEvents keeps its connection open: ConnectionStatus OK at once, then a message per
 * batch of events.
 */
public final class NotificationOperations {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_EVENTS_PER_CALL = 50;

    /** How long a streaming connection stays silent before a ConnectionStatus OK heartbeat (our choice). */
    public static final Duration HEARTBEAT = Duration.ofSeconds(30);

    /** Exchange Online allows 10 open streaming connections per account (EWS-NOTES, throttling docs). */
    public static final int MAX_STREAMING_CONNECTIONS = 10;

    private final Subscriptions subscriptions;
    /** Open streaming connections per account they count against (the impersonated mailbox, else the caller). */
    private final Map<String, AtomicInteger> openStreams = new ConcurrentHashMap<>();
    /** The open streams themselves, for the control API's faults. */
    private final Set<OpenStream> streams = ConcurrentHashMap.newKeySet();

    /** One open GetStreamingEvents connection and the fault waiting for it, if any. */
    private static final class OpenStream {
        final List<Subscriptions.Subscription> subscriptions;
        /** A newer connection took one of its subscriptions: it ends, its chunked body finished. */
        volatile boolean superseded;
        /** The control API's fault: the connection drops, its chunked body unfinished. */
        volatile boolean dropped;
        volatile String doctypeEntityUrl;

        OpenStream(List<Subscriptions.Subscription> subscriptions) {
            this.subscriptions = subscriptions;
        }
    }

    /** What is open now: streaming connections and streaming subscriptions. */
    public record StreamingState(int connections, int subscriptions) {
    }

    public StreamingState streamingState() {
        return new StreamingState(streams.size(), (int) subscriptions.all().stream().filter(s -> s.streaming).count());
    }

    /**
     * Fault: every open streaming connection drops now, as a reset or a failing proxy would drop it: no
     * ConnectionStatus Closed, the chunked body left unfinished; how many.
     */
    public int cutStreams() {
        streams.forEach(s -> s.dropped = true);
        return streams.size();
    }

    /**
     * Fault: Exchange forgets every streaming subscription (as when one lapses) and the connections
     * holding them end; a client coming back with their ids gets ErrorSubscriptionNotFound naming
     * them. How many subscriptions were removed.
     */
    public int expireStreamingSubscriptions() {
        int removed = subscriptions.expireStreaming();
        cutStreams();
        return removed;
    }

    /**
     * Fault: the next message of every open stream starts with a DOCTYPE that declares an external
     * entity at {@code entityUrl} and a billion-laughs chain, both referenced in the message, which
     * otherwise notifies a FreeBusyChangedEvent of the stream's first subscription. A client that
     * parses XML safely refuses the message; one that expands it fetches the URL.
     */
    public int doctypeOnNextMessage(String entityUrl) {
        streams.forEach(s -> s.doctypeEntityUrl = entityUrl);
        return streams.size();
    }

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
                List<Subscriptions.Folder> folders = folders(call, r);
                if (folders.stream().map(Subscriptions.Folder::mailbox).distinct().count() > 1) {
                    // "Create subscriptions for multiple mailboxes ... from a single request" (notification errors doc).
                    throw new ResponseError("ErrorInvalidSubscriptionRequest",
                            "A subscription can watch the folders of a single mailbox.");
                }
                Set<String> types = new LinkedHashSet<>();
                Dom.child(r, "EventTypes").ifPresent(e -> Dom.children(e, "EventType")
                        .forEach(t -> types.add(t.getTextContent().trim())));
                Map<Subscriptions.Folder, Long> position = Dom.text(r, "Watermark")
                        .map(wm -> Subscriptions.parseWatermark(wm).orElseThrow(NotificationOperations::invalidWatermark))
                        .orElseGet(() -> current(call, folders));
                Duration timeout = streaming ? null
                        : Duration.ofMinutes(Dom.text(r, "Timeout").map(Integer::parseInt).orElse(30));
                Subscriptions.Subscription s = subscriptions.create(call.principal().name(), call.acting().value(), streaming, folders, types,
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
                Map<Subscriptions.Folder, Long> from = Subscriptions.parseWatermark(watermark)
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
                AtomicInteger open = openStreams.computeIfAbsent(call.acting().value(), a -> new AtomicInteger());
                try {
                    List<String> missing = ids.stream().filter(id -> subscriptions.find(id).isEmpty()).toList();
                    if (!missing.isEmpty()) {
                        // Exchange names the subscriptions it no longer has, so that the client subscribes them again.
                        call.log().responseCode("ErrorSubscriptionNotFound");
                        sink.send(w -> notFound(w, missing));
                        return;
                    }
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
                OpenStream stream = new OpenStream(subs);
                // A subscription is read by one connection, the newest: an older one still holding it ends (our
                // choice; the reference does not say), so that a connection its client abandoned takes no events.
                streams.stream().filter(other -> other.subscriptions.stream().anyMatch(subs::contains))
                        .forEach(other -> other.superseded = true);
                streams.add(stream);
                try {
                    Instant deadline = call.clock().instant().plus(Duration.ofMinutes(minutes));
                    // Exchange answers at once with ConnectionStatus OK, then sends notifications as they come.
                    sink.send(w -> message(w, null, call, List.of(), "OK"));
                    Instant lastSent = call.clock().instant();
                    while (call.clock().instant().isBefore(deadline)) {
                        if (stream.dropped) {
                            throw new StreamingOperation.ConnectionDropped("Streaming connection cut by the control API.");
                        }
                        if (stream.superseded) {
                            throw new IOException("Streaming connection superseded by a newer one of its subscriptions.");
                        }
                        String entityUrl = stream.doctypeEntityUrl;
                        if (entityUrl != null && !subs.isEmpty()) {
                            stream.doctypeEntityUrl = null;
                            sink.sendWithPrologue(doctype(entityUrl), w -> doctypeMessage(w, call, subs.get(0)));
                        }
                        List<Prepared> ready = subs.stream().filter(s -> hasChanges(call, s))
                                .map(s -> prepare(call, s, s.position)).toList();
                        List<Prepared> withEvents = ready.stream().filter(p -> !p.events().isEmpty()).toList();
                        ready.stream().filter(p -> p.events().isEmpty()).forEach(p -> p.subscription().position = p.to());
                        if (!withEvents.isEmpty()) {
                            sink.send(w -> message(w, null, call, withEvents, null));
                            lastSent = call.clock().instant();
                        } else if (call.clock().instant().isAfter(lastSent.plus(HEARTBEAT))) {
                            sink.send(w -> message(w, null, call, List.of(), "OK"));
                            lastSent = call.clock().instant();
                        }
                        Thread.sleep(100);
                    }
                    sink.send(w -> message(w, null, call, List.of(), "Closed"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    streams.remove(stream);
                    open.decrementAndGet();
                }
            }
        };
    }

    /** ErrorSubscriptionNotFound, naming the subscriptions Exchange no longer has (ErrorSubscriptionIds). */
    private static void notFound(XmlWriter w, List<String> missing) {
        w.start("m:GetStreamingEventsResponse").start("m:ResponseMessages");
        w.start("m:GetStreamingEventsResponseMessage").attr("ResponseClass", "Error");
        new ResponseError("ErrorSubscriptionNotFound", "The specified subscription was not found.").writeBody(w, "m:");
        w.start("m:ErrorSubscriptionIds");
        missing.forEach(id -> w.element("t:SubscriptionId", id));
        w.end();
        w.element("m:ConnectionStatus", "Closed");
        w.end().end().end();
    }

    /** The DOCTYPE of the fault: an external entity and a billion-laughs chain. */
    private static String doctype(String entityUrl) {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE Envelope [<!ENTITY ext SYSTEM \"").append(entityUrl.replace("\"", "%22"))
                .append("\"><!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return dtd.append("]>").toString();
    }

    /** The fault's message: a FreeBusyChangedEvent of the subscription whose TimeStamp references both entities. */
    private static void doctypeMessage(XmlWriter w, EwsCall call, Subscriptions.Subscription s) {
        MailboxAddress owner = s.folders.get(0).mailbox();
        w.start("m:GetStreamingEventsResponse").start("m:ResponseMessages");
        w.start("m:GetStreamingEventsResponseMessage").attr("ResponseClass", "Success");
        w.element("m:ResponseCode", "NoError");
        w.start("m:Notifications").start("t:Notification");
        w.element("t:SubscriptionId", s.id());
        w.start("t:FreeBusyChangedEvent");
        w.start("t:TimeStamp").raw("&ext;&lol9;").end();
        w.start("t:FolderId").attr("Id", ItemIds.calendarFolderId(owner)).attr("ChangeKey", ItemIds.folderChangeKey()).end();
        w.start("t:ParentFolderId").attr("Id", ItemIds.calendarFolderId(owner)).attr("ChangeKey", ItemIds.folderChangeKey()).end();
        w.end().end().end();
        w.end().end().end();
    }

    /**
     * One GetStreamingEvents message: an error, or the notifications of the subscriptions that have
     * events (without ConnectionStatus, as in Microsoft's sample), or a bare ConnectionStatus (OK on
     * connecting and as heartbeat, Closed at the end).
     */
    private static void message(XmlWriter w, ResponseError error, EwsCall call, List<Prepared> notifications,
                                String status) {
        w.start("m:GetStreamingEventsResponse").start("m:ResponseMessages");
        w.start("m:GetStreamingEventsResponseMessage").attr("ResponseClass", error == null ? "Success" : "Error");
        if (error != null) {
            error.writeBody(w, "m:");
        } else {
            w.element("m:ResponseCode", "NoError");
            if (!notifications.isEmpty()) {
                w.start("m:Notifications");
                for (Prepared p : notifications) {
                    p.write(w, "t:Notification", true);
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
        return s.folders.stream().anyMatch(f -> sequence(call, f) > s.position.getOrDefault(f, 0L));
    }

    private static long sequence(EwsCall call, Subscriptions.Folder f) {
        return call.directory().find(f.mailbox())
                .map(mb -> f.inbox() ? mb.inbox().sequence() : mb.calendar().sequence()).orElse(0L);
    }

    /** One event element to write: its type, the item or folder it names, and the watermark after it. */
    private record EventOut(String type, String itemId, String changeKey, String folderId, String parentFolderId,
                            Integer unreadCount, String watermark) {
    }

    /** A subscription's events after a position, ready to write; writing it moves the subscription on. */
    private record Prepared(Subscriptions.Subscription subscription, Map<Subscriptions.Folder, Long> from,
                            Map<Subscriptions.Folder, Long> to, boolean more, List<EventOut> events, String now) {
        /**
         * Pull notifications carry watermarks (PreviousWatermark, MoreEvents, one per event, a
         * StatusEvent when there is nothing); streaming ones do not, as in Microsoft's
         * GetStreamingEvents sample.
         */
        void write(XmlWriter out, String element, boolean streaming) {
            out.start(element);
            out.element("t:SubscriptionId", subscription.id);
            if (!streaming) {
                out.element("t:PreviousWatermark", Subscriptions.watermark(from));
                out.element("t:MoreEvents", more);
            }
            for (EventOut e : events) {
                out.start("t:" + e.type());
                if (!streaming) {
                    out.element("t:Watermark", e.watermark());
                }
                out.element("t:TimeStamp", now);
                if (e.itemId() != null) {
                    out.start("t:ItemId").attr("Id", e.itemId());
                    if (e.changeKey() != null) {
                        out.attr("ChangeKey", e.changeKey());
                    }
                    out.end();
                } else {
                    out.start("t:FolderId").attr("Id", e.folderId()).attr("ChangeKey", ItemIds.folderChangeKey()).end();
                }
                out.start("t:ParentFolderId").attr("Id", e.parentFolderId()).attr("ChangeKey", ItemIds.folderChangeKey()).end();
                if (e.unreadCount() != null) {
                    out.element("t:UnreadCount", e.unreadCount());
                }
                out.end();
            }
            if (events.isEmpty()) {
                out.start("t:StatusEvent");
                if (!streaming) {
                    out.element("t:Watermark", Subscriptions.watermark(to));
                }
                out.end();
            }
            out.end();
            subscription.position = to;
        }
    }

    /** Writes one Notification with the events after {@code from}, and moves the subscription there. */
    private static void writeNotification(EwsCall call, XmlWriter out, Subscriptions.Subscription s,
                                          Map<Subscriptions.Folder, Long> from, String element) {
        prepare(call, s, from).write(out, element, false);
    }

    /**
     * The events after {@code from}, at most {@link #MAX_EVENTS_PER_CALL} changes. A calendar change
     * is a CreatedEvent, ModifiedEvent or DeletedEvent of the item plus a FreeBusyChangedEvent. In an
     * Inbox, new mail is CreatedEvent and NewMailEvent of the item, then a ModifiedEvent of the
     * folder with its UnreadCount (as in Microsoft's sample); a read flag change or a deletion also
     * modifies the folder. Only subscribed event types are written.
     */
    private static Prepared prepare(EwsCall call, Subscriptions.Subscription s, Map<Subscriptions.Folder, Long> from) {
        record Change(Subscriptions.Folder folder, long sequence, CalendarFolder.Change calendar, MailFolder.Change mail) {
        }
        List<Change> changes = new ArrayList<>();
        for (Subscriptions.Folder f : s.folders) {
            call.directory().find(f.mailbox()).ifPresent(mb -> {
                long since = from.getOrDefault(f, 0L);
                if (f.inbox()) {
                    mb.inbox().changesSince(since).forEach(c -> changes.add(new Change(f, c.sequence(), null, c)));
                } else {
                    mb.calendar().changesSince(since).forEach(c -> changes.add(new Change(f, c.sequence(), c, null)));
                }
            });
        }
        boolean more = changes.size() > MAX_EVENTS_PER_CALL;
        List<Change> sent = changes.subList(0, Math.min(MAX_EVENTS_PER_CALL, changes.size()));
        Map<Subscriptions.Folder, Long> position = new LinkedHashMap<>(from);
        List<EventOut> events = new ArrayList<>();
        for (Change c : sent) {
            position.put(c.folder(), c.sequence());
            String watermark = Subscriptions.watermark(position);
            MailboxAddress m = c.folder().mailbox();
            List<EventOut> candidates = new ArrayList<>();
            if (c.calendar() != null) {
                CalendarFolder.Change change = c.calendar();
                String itemId = ItemIds.itemId(m, change.itemId());
                String changeKey = change.item() == null ? null : change.item().changeKey();
                String folder = ItemIds.calendarFolderId(m);
                String type = switch (change.kind()) {
                    case Create -> "CreatedEvent";
                    case Update -> "ModifiedEvent";
                    case Delete -> "DeletedEvent";
                };
                candidates.add(new EventOut(type, itemId, changeKey, null, folder, null, watermark));
                candidates.add(new EventOut("FreeBusyChangedEvent", itemId, changeKey, null, folder, null, watermark));
            } else {
                MailFolder.Change change = c.mail();
                String itemId = ItemIds.itemId(m, change.itemId());
                String changeKey = change.message() == null ? null : ItemIds.messageChangeKey(change.message());
                String inbox = ItemIds.inboxFolderId(m);
                EventOut folderModified = new EventOut("ModifiedEvent", null, null, inbox, ItemIds.rootFolderId(m),
                        call.directory().find(m).map(mb -> mb.inbox().unreadCount()).orElse(0), watermark);
                switch (change.kind()) {
                    case Create -> {
                        candidates.add(new EventOut("CreatedEvent", itemId, changeKey, null, inbox, null, watermark));
                        candidates.add(new EventOut("NewMailEvent", itemId, changeKey, null, inbox, null, watermark));
                        candidates.add(folderModified);
                    }
                    case Update -> candidates.add(new EventOut("ModifiedEvent", itemId, changeKey, null, inbox, null, watermark));
                    case ReadFlagChange -> {
                        candidates.add(new EventOut("ModifiedEvent", itemId, changeKey, null, inbox, null, watermark));
                        candidates.add(folderModified);
                    }
                    case Delete -> {
                        candidates.add(new EventOut("DeletedEvent", itemId, null, null, inbox, null, watermark));
                        candidates.add(folderModified);
                    }
                }
            }
            candidates.stream().filter(e -> s.eventTypes.contains(e.type())).forEach(events::add);
        }
        if (!more) {
            // Caught up: the reader stands at the end of every watched folder.
            for (Subscriptions.Folder f : s.folders) {
                position.put(f, Math.max(position.getOrDefault(f, 0L), sequence(call, f)));
            }
        }
        return new Prepared(s, from, position, more, events, UTC.format(call.clock().instant()));
    }

    private static List<Subscriptions.Folder> folders(EwsCall call, Element request) {
        List<Subscriptions.Folder> out = new ArrayList<>();
        if ("true".equals(request.getAttribute("SubscribeToAllFolders"))) {
            out.add(Subscriptions.Folder.calendar(call.acting()));
            out.add(Subscriptions.Folder.inbox(call.acting()));
            return out;
        }
        Optional<Element> folders = Dom.child(request, "FolderIds");
        for (Element f : folders.map(SoapRequest::children).orElse(List.of())) {
            MailboxAddress owner;
            String kind;
            if ("DistinguishedFolderId".equals(f.getLocalName())) {
                owner = Dom.child(f, "Mailbox").flatMap(m -> Dom.text(m, "EmailAddress")).map(MailboxAddress::of)
                        .orElse(call.acting());
                kind = f.getAttribute("Id");
            } else {
                Optional<MailboxAddress> inbox = ItemIds.parseInboxFolder(f.getAttribute("Id"));
                owner = inbox.or(() -> ItemIds.parseCalendarFolder(f.getAttribute("Id")))
                        .orElseThrow(() -> new ResponseError("ErrorInvalidIdMalformed", "Id is malformed."));
                kind = inbox.isPresent() ? "inbox" : "calendar";
            }
            Mailbox mailbox = call.targetMailbox(owner.value());
            if (!owner.equals(call.acting()) && ("inbox".equals(kind) || !call.accessTo(mailbox).readsItems())) {
                throw ResponseError.accessDenied();
            }
            if ("calendar".equals(kind)) {
                out.add(Subscriptions.Folder.calendar(owner));
            } else if ("inbox".equals(kind)) {
                out.add(Subscriptions.Folder.inbox(owner));
            }
        }
        return out;
    }

    private static Map<Subscriptions.Folder, Long> current(EwsCall call, List<Subscriptions.Folder> folders) {
        Map<Subscriptions.Folder, Long> position = new LinkedHashMap<>();
        for (Subscriptions.Folder f : folders) {
            position.put(f, sequence(call, f));
        }
        return position;
    }

    private static ResponseError invalidWatermark() {
        return new ResponseError("ErrorInvalidWatermark", "The watermark is invalid.");
    }
}
