package org.corpconnect.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.corpconnect.booking.BookingStatus;
import org.corpconnect.bookingrules.BookingRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/**
 * The values the OpenAPI document lists for an answer's member are the values the code has: the
 * annotations spell them out (the members are text, as Payara describes an enum as an object), so a
 * new value would otherwise go undocumented.
 */
class DocumentedEnumerationsTest {

    @Test
    void aBookingsStatusesAreTheBookingStatuses() {
        assertEquals(Arrays.stream(BookingStatus.values()).map(Enum::name).toList(), documented(BookingDetails.class, "status"));
    }

    @Test
    void aProblemsRulesAreTheBookingRules() {
        assertEquals(Arrays.stream(BookingRules.Rule.values()).map(BookingRules.Rule::id).toList(), documented(ProblemDetails.class, "rule"));
    }

    private static List<String> documented(Class<? extends Record> type, String component) {
        Schema schema = Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(component)).findFirst().orElseThrow()
                .getAccessor().getAnnotation(Schema.class);
        return List.of(schema.enumeration());
    }
}
