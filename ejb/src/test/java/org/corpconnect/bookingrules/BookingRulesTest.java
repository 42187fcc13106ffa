package org.corpconnect.bookingrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BookingRulesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // Wednesday 2026-06-10, 08:00 in Berlin.
    private static final Instant NOW = Instant.parse("2026-06-10T06:00:00Z");
    private static final BookingRules RULES = new BookingRules(Duration.ofMinutes(60), 56, Duration.ZERO, Duration.ZERO);

    private static Optional<BookingRules.Rule> ruleBroken(String start, String end) {
        return RULES.violationOf(Instant.parse(start), Instant.parse(end), NOW, WorkingHours.DEFAULT, BERLIN)
                .map(BookingRules.Violation::rule);
    }

    @Test
    void aSlotWithinEveryRuleIsFine() {
        assertEquals(Optional.empty(), ruleBroken("2026-06-10T07:00:00Z", "2026-06-10T07:30:00Z"), "09:00 local, notice exactly met");
        assertEquals(Optional.empty(), ruleBroken("2026-06-12T07:00:00Z", "2026-06-12T15:00:00Z"), "a whole working day");
    }

    @Test
    void eachRuleIsNamed() {
        assertEquals(Optional.of(BookingRules.Rule.NOT_IN_THE_PAST), ruleBroken("2026-06-08T08:00:00Z", "2026-06-08T08:30:00Z"));
        assertEquals(Optional.of(BookingRules.Rule.MINIMUM_NOTICE), ruleBroken("2026-06-10T06:10:00Z", "2026-06-10T06:40:00Z"));
        assertEquals(Optional.of(BookingRules.Rule.HORIZON), ruleBroken("2026-12-28T08:00:00Z", "2026-12-28T08:30:00Z"));
        assertEquals(Optional.of(BookingRules.Rule.SLOT_LENGTH), ruleBroken("2026-06-11T08:00:00Z", "2026-06-11T08:04:00Z"));
        assertEquals(Optional.of(BookingRules.Rule.SLOT_LENGTH), ruleBroken("2026-06-11T07:00:00Z", "2026-06-11T15:01:00Z"));
        assertEquals(Optional.of(BookingRules.Rule.WORKING_HOURS), ruleBroken("2026-06-11T01:00:00Z", "2026-06-11T01:30:00Z"), "03:00");
        assertEquals(Optional.of(BookingRules.Rule.WORKING_HOURS), ruleBroken("2026-06-11T14:45:00Z", "2026-06-11T15:15:00Z"), "past 17:00");
        assertEquals(Optional.of(BookingRules.Rule.WORKING_HOURS), ruleBroken("2026-06-13T08:00:00Z", "2026-06-13T08:30:00Z"), "Saturday");
    }

    @Test
    void theHorizonIsDaysFromTodaysStartAndTheMessageSaysWhen() {
        assertEquals(Instant.parse("2026-08-05T00:00:00Z"), RULES.horizonEnd(NOW));
        String message = RULES.violationOf(Instant.parse("2026-06-10T06:10:00Z"), Instant.parse("2026-06-10T06:40:00Z"), NOW,
                WorkingHours.DEFAULT, BERLIN).orElseThrow().message();
        assertTrue(message.contains("60 minutes") && message.contains("2026-06-10T07:00:00Z"), message);
    }
}
