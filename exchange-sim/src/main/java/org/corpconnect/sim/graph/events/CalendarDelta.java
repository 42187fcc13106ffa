package org.corpconnect.sim.graph.events;

import static org.corpconnect.sim.SimJson.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.corpconnect.sim.calendar.CalendarFolder;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.graph.GraphCall;
import org.corpconnect.sim.graph.GraphError;
import org.corpconnect.sim.graph.GraphResponse;
import org.corpconnect.sim.graph.ids.GraphIds;

/**
 * {@code GET /users/{id}/calendarView/delta} (event-delta.md): the first round returns every event of the
 * window, page by page ({@code $skiptoken} in {@code @odata.nextLink}), and ends with an
 * {@code @odata.deltaLink}; a round from a {@code $deltatoken} returns what changed in the window since,
 * and {@code {"id", "@removed": {"reason": "deleted"}}} for events that left it. Sync states live in
 * memory, keyed by opaque tokens, as long as the simulator runs.
 */
public final class CalendarDelta {
    private final Map<String, SyncState> syncStates = new ConcurrentHashMap<>();
    private final Map<String, PendingPages> pages = new ConcurrentHashMap<>();

    /** Where a round ended: the window, the folder's change sequence and the event ids each item showed then. */
    private record SyncState(MailboxAddress mailbox, Instant start, Instant end, long sequence, Map<String, Set<String>> delivered) {
    }

    private record PendingPages(MailboxAddress mailbox, List<JsonObject> events, int next, SyncState after) {
    }

    public GraphResponse handle(GraphCall call) {
        Mailbox owner = call.user();
        Optional<String> skip = call.request().option("$skiptoken");
        if (skip.isPresent()) {
            PendingPages p = pages.remove(skip.get());
            if (p == null || !p.mailbox().equals(owner.address())) {
                throw syncStateNotFound();
            }
            return page(call, owner, p);
        }
        Optional<String> deltaToken = call.request().option("$deltatoken");
        SyncState from = deltaToken.map(t -> Optional.ofNullable(syncStates.get(t))
                        .filter(s -> s.mailbox().equals(owner.address())).orElseThrow(CalendarDelta::syncStateNotFound))
                .orElse(null);
        Instant start;
        Instant end;
        if (from == null) {
            Instant[] window = CalendarView.window(call);
            start = window[0];
            end = window[1];
        } else {
            start = from.start();
            end = from.end();
        }
        CalendarFolder folder = owner.calendar();
        long sequence = folder.sequence(); // read first: a change racing this round is sent again, never lost
        Map<String, List<Occurrence>> current = new LinkedHashMap<>();
        for (Occurrence o : folder.occurrences(start, end)) {
            current.computeIfAbsent(o.item().id(), k -> new ArrayList<>()).add(o);
        }
        Map<String, Set<String>> delivered = from == null ? new HashMap<>() : new HashMap<>(from.delivered());
        List<JsonObject> out = new ArrayList<>();
        Set<String> itemsToSend = new HashSet<>();
        if (from == null) {
            itemsToSend.addAll(current.keySet());
        } else {
            folder.changesSince(from.sequence()).forEach(c -> itemsToSend.add(c.itemId()));
        }
        EventJson.View full = new EventJson.View(call.timeZone(), Set.of(), true, Optional.empty(), call.immutableIds());
        for (String itemId : itemsToSend) {
            Set<String> now = new HashSet<>();
            for (Occurrence o : current.getOrDefault(itemId, List.of())) {
                String id = GraphIds.graphId(GraphIds.ref(owner.address(), o), full.immutableIds());
                now.add(id);
                out.add(EventJson.write(owner, o, full.withDetails(Events.seesDetails(call, owner, o.item())), call.directory()));
            }
            for (String gone : delivered.getOrDefault(itemId, Set.of())) {
                if (!now.contains(gone)) {
                    out.add(JSON.createObjectBuilder().add("@odata.type", "#microsoft.graph.event").add("id", gone)
                            .add("@removed", JSON.createObjectBuilder().add("reason", "deleted")).build());
                }
            }
            if (now.isEmpty()) {
                delivered.remove(itemId);
            } else {
                delivered.put(itemId, now);
            }
        }
        return page(call, owner, new PendingPages(owner.address(), out, 0,
                new SyncState(owner.address(), start, end, sequence, Map.copyOf(delivered))));
    }

    private GraphResponse page(GraphCall call, Mailbox owner, PendingPages p) {
        int size = Events.pageSize(call);
        int to = Math.min(p.events().size(), p.next() + size);
        JsonArrayBuilder values = JSON.createArrayBuilder();
        p.events().subList(p.next(), to).forEach(values::add);
        String base = call.request().path();
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("@odata.context", call.link("/$metadata#Collection(event)").toString());
        if (to < p.events().size()) {
            String token = UUID.randomUUID().toString();
            pages.put(token, new PendingPages(p.mailbox(), p.events(), to, p.after()));
            body.add("@odata.nextLink", call.link(base + "?%24skiptoken=" + token).toString());
        } else {
            String token = UUID.randomUUID().toString();
            syncStates.put(token, p.after());
            body.add("@odata.deltaLink", call.link(base + "?%24deltatoken=" + token).toString());
        }
        body.add("value", values);
        return GraphResponse.collection(body.build(), EventJson.TYPE);
    }

    private static GraphError syncStateNotFound() {
        return new GraphError(410, "SyncStateNotFound", "The sync state generation is not found; start a new round without a token.");
    }
}
