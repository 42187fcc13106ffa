package org.corpconnect.sim.graph.events;

import java.time.Instant;
import java.util.List;
import org.corpconnect.sim.calendar.Occurrence;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.graph.GraphCall;
import org.corpconnect.sim.graph.GraphError;
import org.corpconnect.sim.graph.GraphResponse;
import org.corpconnect.sim.graph.TimeZonePreference;

/**
 * {@code GET /users/{id}/calendarView} and {@code /calendar/calendarView} (user-list-calendarview.md):
 * the occurrences, exceptions and single events of the window, series expanded, sorted by start;
 * {@code $select}, {@code $top}, {@code Prefer: odata.maxpagesize}, paging by {@code @odata.nextLink}.
 */
public final class CalendarView {
    private CalendarView() {
    }

    public static GraphResponse list(GraphCall call) {
        Mailbox owner = call.user();
        Instant[] window = window(call);
        List<Occurrence> all = owner.calendar().occurrences(window[0], window[1]);
        return Events.page(call, owner, all);
    }

    /** {@code GET /users/{id}/events/{id}/instances} (event-list-instances.md): a series' occurrences in the window. */
    public static GraphResponse instances(GraphCall call) {
        Mailbox owner = call.user();
        Instant[] window = window(call);
        org.corpconnect.sim.items.ItemIds.ItemRef ref = org.corpconnect.sim.graph.ids.GraphIds.parseRest(call.pathParam("event"))
                .orElseThrow(() -> new GraphError(400, "ErrorInvalidIdMalformed", "Id is malformed."));
        if (!ref.mailbox().equals(owner.address()) || ref.isOccurrence()
                || owner.calendar().find(ref.itemId()).isEmpty()) {
            throw Events.notFound();
        }
        List<Occurrence> all = owner.calendar().occurrences(window[0], window[1]).stream()
                .filter(o -> o.item().id().equals(ref.itemId())).toList();
        return Events.page(call, owner, all);
    }

    static Instant[] window(GraphCall call) {
        Instant start = TimeZonePreference.parseQueryDateTime("startDateTime", call.request().option("startDateTime"));
        Instant end = TimeZonePreference.parseQueryDateTime("endDateTime", call.request().option("endDateTime"));
        if (!end.isAfter(start)) {
            throw new GraphError(400, "ErrorInvalidParameter", "The value of the parameter 'EndDateTime' must be later than "
                    + "'StartDateTime'.");
        }
        return new Instant[] {start, end};
    }
}
