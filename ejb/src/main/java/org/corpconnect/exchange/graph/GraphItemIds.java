package org.corpconnect.exchange.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corpconnect.exchange.CalendarItemRef;

/**
 * {@code translateExchangeIds}: one mailbox's item ids between EWS's naming ({@code ewsId}) and Graph's
 * ({@code restId}), at most {@value #MAX_IDS} a request. An id Graph cannot translate (gone, malformed)
 * comes back with its own error and is left out; the change key is the same in both protocols.
 */
final class GraphItemIds {

    static final int MAX_IDS = 1000;
    static final String EWS_ID = "ewsId";
    static final String REST_ID = "restId";

    private GraphItemIds() {
    }

    public record Translation(List<String> inputIds, String sourceIdType, String targetIdType) {
    }

    public record Answer(List<Result> value) {
    }

    public record Result(String sourceId, String targetId, ErrorDetails errorDetails) {
    }

    public record ErrorDetails(String code, String message) {
    }

    static Translation request(List<CalendarItemRef> refs, boolean toGraph) {
        return new Translation(refs.stream().map(CalendarItemRef::itemId).toList(),
                toGraph ? EWS_ID : REST_ID, toGraph ? REST_ID : EWS_ID);
    }

    /** Each asked ref with its translated id, for the ids Graph translated. */
    static Map<CalendarItemRef, CalendarItemRef> collect(List<CalendarItemRef> asked, Answer answer) {
        Map<String, String> translated = new LinkedHashMap<>();
        for (Result result : answer.value() == null ? List.<Result>of() : answer.value()) {
            if (result.errorDetails() == null && result.sourceId() != null && result.targetId() != null
                    && !result.targetId().isBlank()) {
                translated.put(result.sourceId(), result.targetId());
            }
        }
        Map<CalendarItemRef, CalendarItemRef> carried = new LinkedHashMap<>();
        for (CalendarItemRef ref : asked) {
            String target = translated.get(ref.itemId());
            if (target != null) {
                carried.put(ref, new CalendarItemRef(target, ref.changeKey()));
            }
        }
        return carried;
    }
}
