package org.corpconnect.sim.graph.events;

import static org.corpconnect.sim.SimJson.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.corpconnect.sim.calendar.CalendarFolder;
import org.corpconnect.sim.calendar.CalendarItem;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.directory.CalendarAccess;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.graph.GraphCall;
import org.corpconnect.sim.graph.GraphError;
import org.corpconnect.sim.graph.GraphResponse;
import org.corpconnect.sim.graph.access.CalendarAccessDecision;
import org.corpconnect.sim.graph.access.CalendarOperation;
import org.corpconnect.sim.graph.ids.GraphIds;
import org.corpconnect.sim.items.ItemIds;

/**
 * {@code /users/{id}/events}: list (with the extended-property $filter), create (with transactionId), and
 * {@code /events/{id}}: get, update (PATCH), delete and {@code cancel} (organizer only).
 */
public final class Events {
    static final int DEFAULT_PAGE = 10;
    static final int MAX_PAGE = 1000;

    private Events() {
    }

    public static GraphResponse create(GraphCall call) {
        Mailbox owner = call.user();
        JsonObject body = call.request().jsonBody();
        CalendarItem item = new CalendarItem(CalendarFolder.newItemId()).organizer(owner.address())
                .createdBy(call.caller().signedInMailbox().orElse(owner.address())).timeZone(owner.timeZone());
        EventJson.apply(body, item, true);
        if (item.start() == null || item.end() == null) {
            throw GraphError.badRequest("An event needs a start and an end.");
        }
        if (item.end().isBefore(item.start())) {
            throw new GraphError(400, "ErrorCalendarEndDateIsEarlierThanStartDate", "The end date occurs before the start date.");
        }
        String tx = item.transactionId();
        CalendarFolder.Added added = tx == null
                ? new CalendarFolder.Added(owner.calendar().add(item), true)
                : owner.calendar().addUnlessPresent(i -> tx.equals(i.transactionId()), item);
        if (added.created() && added.item().meeting()) {
            AttendeeCopies.invite(call.directory(), added.item(), call.clock().instant());
        }
        Occurrence o = Occurrence.single(added.item());
        return GraphResponse.entity(201, withContext(call, EventJson.write(owner, o, view(call, owner, o.item()), call.directory())),
                EventJson.TYPE).header("Location", call.link("/users/" + owner.address().value() + "/events/"
                + GraphIds.graphId(GraphIds.ref(owner.address(), o), call.immutableIds())).toString());
    }

    public static GraphResponse get(GraphCall call) {
        Mailbox owner = call.user();
        Occurrence o = find(call, owner);
        return GraphResponse.entity(200, withContext(call, EventJson.write(owner, o, view(call, owner, o.item()), call.directory())),
                EventJson.TYPE);
    }

    public static GraphResponse update(GraphCall call) {
        Mailbox owner = call.user();
        Occurrence o = find(call, owner);
        JsonObject body = call.request().jsonBody();
        CalendarItem changed;
        if (o.isRecurring()) {
            CalendarItem scratch = o.item().copy().start(o.start()).end(o.end()).subject(o.subject()).location(o.location())
                    .freeBusy(o.freeBusy());
            EventJson.apply(body, scratch, false);
            checkTimes(scratch);
            changed = owner.calendar().update(o.item().id(), i -> i.modifyOccurrence(o.originalStart(),
                    new CalendarItem.OccurrenceChange(scratch.start(), scratch.end(), scratch.subject(), scratch.location(),
                            scratch.freeBusy()))).orElseThrow(Events::notFound);
        } else {
            CalendarItem scratch = o.item().copy();
            EventJson.apply(body, scratch, false);
            checkTimes(scratch);
            changed = owner.calendar().update(o.item().id(), i -> EventJson.apply(body, i, false)).orElseThrow(Events::notFound);
            boolean organizer = changed.organizer() == null || changed.organizer().equals(owner.address());
            if (changed.meeting() && organizer) {
                AttendeeCopies.update(call.directory(), changed);
            }
        }
        Occurrence now = o.isRecurring()
                ? owner.calendar().occurrence(changed.id(), o.originalStart()).orElseThrow(Events::notFound)
                : Occurrence.single(changed);
        return GraphResponse.entity(200, withContext(call, EventJson.write(owner, now, view(call, owner, changed), call.directory())),
                EventJson.TYPE);
    }

    public static GraphResponse delete(GraphCall call) {
        Mailbox owner = call.user();
        Occurrence o = find(call, owner);
        remove(call, owner, o, null);
        return GraphResponse.empty(204);
    }

    /** {@code POST /events/{id}/cancel} (event-cancel.md): organizer only; attendees get the cancellation. */
    public static GraphResponse cancel(GraphCall call) {
        Mailbox owner = call.user();
        Occurrence o = find(call, owner);
        boolean organizer = o.item().organizer() == null || o.item().organizer().equals(owner.address());
        if (!organizer) {
            // Exchange's own code and wording for a non-organizer's cancel (seen through EWS, php-ews issue 542).
            throw new GraphError(400, "ErrorCalendarIsNotOrganizer", "User must be an organizer for CancelCalendarItem action.");
        }
        JsonObject body = call.request().body().isBlank() ? JsonObject.EMPTY_JSON_OBJECT : call.request().jsonBody();
        String comment = body.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("comment"))
                .map(e -> e.getValue() instanceof jakarta.json.JsonString c ? c.getString() : null).findFirst().orElse(null);
        remove(call, owner, o, comment);
        return GraphResponse.empty(202);
    }

    private static void remove(GraphCall call, Mailbox owner, Occurrence o, String comment) {
        if (o.isRecurring()) {
            owner.calendar().update(o.item().id(), i -> i.deleteOccurrence(o.originalStart()));
            return;
        }
        if (!owner.calendar().delete(o.item().id())) {
            throw notFound();
        }
        boolean organizer = o.item().organizer() == null || o.item().organizer().equals(owner.address());
        if (o.item().meeting() && organizer) {
            AttendeeCopies.cancel(call.directory(), o.item(), comment, call.clock().instant());
        }
    }

    /** {@code GET /users/{id}/events}: singles and series masters, optionally filtered by an extended property. */
    public static GraphResponse list(GraphCall call) {
        Mailbox owner = call.user();
        Optional<ExtendedProperties.Filter> filter = call.request().option("$filter").map(ExtendedProperties.Filter::parse);
        List<CalendarItem> items = new ArrayList<>(owner.calendar().items().stream()
                .filter(i -> filter.map(f -> f.matches(i)).orElse(true)).toList());
        items.sort(Comparator.comparing((CalendarItem i) -> i.start()).thenComparing(CalendarItem::id));
        List<Occurrence> all = items.stream().map(Occurrence::single).toList();
        return page(call, owner, all);
    }

    /** One page of events (the $top / odata.maxpagesize, $skip), with @odata.nextLink when more follow. */
    static GraphResponse page(GraphCall call, Mailbox owner, List<Occurrence> all) {
        EventJson.View base = view(call, owner, null);
        int size = pageSize(call);
        int skip = call.request().option("$skip").map(Events::nonNegative).orElse(0);
        JsonArrayBuilder values = JSON.createArrayBuilder();
        List<Occurrence> page = all.subList(Math.min(skip, all.size()), Math.min(skip + size, all.size()));
        for (Occurrence o : page) {
            values.add(EventJson.write(owner, o, base.withDetails(seesDetails(call, owner, o.item())), call.directory()));
        }
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("@odata.context", call.link("/$metadata#users('" + owner.address().value() + "')/events").toString());
        if (skip + size < all.size()) {
            body.add("@odata.nextLink", call.link(call.request().path() + "?" + withSkip(call.request().rawQuery(), skip + size))
                    .toString());
        }
        body.add("value", values);
        GraphResponse r = GraphResponse.collection(body.build(), EventJson.TYPE);
        if (base.zone().applied()) {
            r.header("Preference-Applied", "outlook.timezone=\"" + base.zone().name() + "\"");
        }
        return r;
    }

    static int pageSize(GraphCall call) {
        Optional<Integer> top = call.request().option("$top").map(Events::nonNegative);
        Optional<Integer> max = call.request().header("Prefer").flatMap(p -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("odata\\.maxpagesize\\s*=\\s*(\\d+)").matcher(p);
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        });
        return Math.max(1, Math.min(MAX_PAGE, top.or(() -> max).orElse(DEFAULT_PAGE)));
    }

    private static String withSkip(String rawQuery, int skip) {
        StringBuilder q = new StringBuilder();
        for (String pair : rawQuery.split("&")) {
            String name = java.net.URLDecoder.decode(pair.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8);
            if (pair.isEmpty() || name.equalsIgnoreCase("$skip") || name.equalsIgnoreCase("skip")) {
                continue;
            }
            q.append(pair).append('&');
        }
        return q.append("%24skip=").append(skip).toString();
    }

    private static int nonNegative(String v) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw GraphError.badRequest("Invalid value '" + v + "' for a paging option.");
    }

    static EventJson.View view(GraphCall call, Mailbox owner, CalendarItem item) {
        return new EventJson.View(call.timeZone(), call.select(), item == null || seesDetails(call, owner, item),
                ExtendedProperties.expand(call.request().option("$expand")), call.immutableIds());
    }

    /** The access model's details answer, and private items hidden from a signed-in mailbox that is no delegate. */
    static boolean seesDetails(GraphCall call, Mailbox owner, CalendarItem item) {
        CalendarAccessDecision d = call.context().policy().decide(call.caller(), owner, CalendarOperation.READ_EVENTS);
        if (!(d instanceof CalendarAccessDecision.Allowed allowed) || !allowed.seesDetails()) {
            return false;
        }
        if (item.sensitivity().hidesDetails() && call.caller().delegated()) {
            CalendarAccess access = owner.accessFor(call.caller().signedInMailbox().orElseThrow());
            return access.seesPrivateItems();
        }
        return true;
    }

    private static Occurrence find(GraphCall call, Mailbox owner) {
        String id = call.pathParam("event");
        ItemIds.ItemRef ref = GraphIds.parseRest(id).orElseThrow(() -> new GraphError(400, "ErrorInvalidIdMalformed", "Id is malformed."));
        if (!ref.mailbox().equals(owner.address())) {
            throw notFound();
        }
        if (ref.isOccurrence()) {
            return owner.calendar().occurrence(ref.itemId(), ref.occurrenceStart()).orElseThrow(Events::notFound);
        }
        return owner.calendar().find(ref.itemId()).map(Occurrence::single).orElseThrow(Events::notFound);
    }

    private static void checkTimes(CalendarItem item) {
        if (item.end().isBefore(item.start())) {
            throw new GraphError(400, "ErrorCalendarEndDateIsEarlierThanStartDate", "The end date occurs before the start date.");
        }
    }

    static GraphError notFound() {
        return new GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    private static JsonObject withContext(GraphCall call, JsonObject event) {
        return JSON.createObjectBuilder().add("@odata.context", call.link("/$metadata#users('" + call.user().address().value()
                + "')/events/$entity").toString()).addAll(JSON.createObjectBuilder(event)).build();
    }
}
