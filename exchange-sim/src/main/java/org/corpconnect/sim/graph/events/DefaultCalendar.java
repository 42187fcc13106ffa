package org.corpconnect.sim.graph.events;

import static org.corpconnect.sim.SimJson.JSON;

import jakarta.json.JsonObject;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.graph.GraphCall;
import org.corpconnect.sim.graph.GraphResponse;
import org.corpconnect.sim.graph.access.CalendarAccessDecision;
import org.corpconnect.sim.graph.access.CalendarOperation;
import org.corpconnect.sim.items.ItemIds;

/**
 * {@code GET /users/{id}/calendar} (calendar-get.md): the default calendar, the read a client makes to learn
 * whether it may use a user's calendar at all, and what it may do there ({@code canEdit},
 * {@code canViewPrivateItems}), as the access model answers for this caller.
 */
public final class DefaultCalendar {
    private DefaultCalendar() {
    }

    public static GraphResponse get(GraphCall call) {
        Mailbox owner = call.user();
        boolean canEdit = call.context().policy().decide(call.caller(), owner, CalendarOperation.WRITE_EVENTS)
                instanceof CalendarAccessDecision.Allowed;
        boolean isOwner = call.caller().signedInMailbox().map(owner.address()::equals).orElse(false);
        boolean canViewPrivate = call.caller().delegated()
                ? owner.accessFor(call.caller().signedInMailbox().get()).seesPrivateItems()
                : canEdit; // an application with write access reads every item
        JsonObject calendar = JSON.createObjectBuilder()
                .add("@odata.context", call.link("/$metadata#users('" + owner.address().value() + "')/calendar/$entity").toString())
                .add("id", "AAMkA" + java.util.Base64.getUrlEncoder().encodeToString(
                        ItemIds.calendarFolderId(owner.address()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .add("name", "Calendar").add("color", "auto").add("hexColor", "").add("isDefaultCalendar", true)
                .add("changeKey", ItemIds.folderChangeKey())
                .add("canShare", isOwner).add("canViewPrivateItems", canViewPrivate).add("canEdit", canEdit)
                .add("allowedOnlineMeetingProviders", JSON.createArrayBuilder())
                .add("defaultOnlineMeetingProvider", "unknown").add("isTallyingResponses", true).add("isRemovable", false)
                .add("owner", JSON.createObjectBuilder().add("name", owner.displayName()).add("address", owner.address().value()))
                .build();
        return GraphResponse.entity(200, selected(calendar, call.select()), "microsoft.graph.calendar");
    }

    /** $select: only the properties asked for, besides the annotations and the key ({@code id}), which Graph always returns. */
    private static JsonObject selected(JsonObject calendar, java.util.Set<String> select) {
        if (select.isEmpty()) {
            return calendar;
        }
        var out = JSON.createObjectBuilder();
        calendar.forEach((name, value) -> {
            if (name.startsWith("@") || name.equals("id") || select.stream().anyMatch(name::equalsIgnoreCase)) {
                out.add(name, value);
            }
        });
        return out.build();
    }
}
