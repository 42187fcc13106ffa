package org.corpconnect.availability;

import static org.corpconnect.availability.QueryBuilder.query;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.corpconnect.BusinessException;
import org.corpconnect.bookingrules.BookingRules;
import org.junit.jupiter.api.Test;

class SlotQueryTest {

    @Test
    void aQueryWithinTheRulesAsksAtLeastTheirNoticeAndBuffersAndEndsByTheirHorizon() {
        BookingRules rules = new BookingRules(Duration.ofMinutes(60), 56, Duration.ofMinutes(10), Duration.ZERO);
        Instant now = Instant.parse("2026-06-01T08:30:00Z");
        LocalDate day = LocalDate.of(2026, 6, 3);
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        SlotQuery less = SlotQuery.within(rules, now, day, day, berlin, Duration.ofMinutes(30), Duration.ofMinutes(30),
                Optional.of(Duration.ZERO), Optional.of(Duration.ZERO), Optional.of(Duration.ZERO), SlotQuery.Mode.ANY);
        SlotQuery more = SlotQuery.within(rules, now, day, day, berlin, Duration.ofMinutes(30), Duration.ofMinutes(30),
                Optional.of(Duration.ofMinutes(20)), Optional.of(Duration.ofMinutes(5)), Optional.of(Duration.ofDays(1)),
                SlotQuery.Mode.ANY);

        assertEquals(Duration.ofMinutes(60), less.minimumNotice(), "a query may not offer what a booking is refused for");
        assertEquals(Duration.ofMinutes(10), less.bufferBefore());
        assertEquals(Duration.ofDays(1), more.minimumNotice(), "but may ask for more");
        assertEquals(Duration.ofMinutes(20), more.bufferBefore());
        assertEquals(Duration.ofMinutes(5), more.bufferAfter());
        assertEquals(rules.horizonEnd(now), less.horizonEnd());
    }

    @Test
    void theDefaultsAreValid() {
        assertDoesNotThrow(() -> query().build());
    }

    @Test
    void aMissingFieldIsNamed() {
        QueryBuilder noFrom = query();
        noFrom.from = null;
        assertEquals("from is required", rejected(noFrom));
        QueryBuilder noZone = query();
        noZone.zone = null;
        assertEquals("zone is required", rejected(noZone));
        QueryBuilder noNotice = query();
        noNotice.minimumNotice = null;
        assertEquals("minimumNotice is required", rejected(noNotice));
        QueryBuilder noMode = query();
        noMode.mode = null;
        assertEquals("mode is required", rejected(noMode));
    }

    @Test
    void isABusinessException() {
        QueryBuilder noNow = query();
        noNow.now = null;
        InvalidSlotQuery e = assertThrows(InvalidSlotQuery.class, noNow::build);
        assertInstanceOf(BusinessException.class, e);
        assertEquals("now is required", e.getMessage());
    }

    @Test
    void toBeforeFromIsRejected() {
        assertEquals("to must not be before from", rejected(query().dates("2026-06-10", "2026-06-09")));
        assertDoesNotThrow(() -> query().dates("2026-06-10", "2026-06-10").build());
    }

    @Test
    void atMostSixtyTwoDaysBothEndsIncluded() {
        // June has 30 days, July 31: June 1 to August 1 is 62 dates, to August 2 is 63.
        assertDoesNotThrow(() -> query().dates("2026-06-01", "2026-08-01").build());
        assertEquals("from..to must cover at most 62 days", rejected(query().dates("2026-06-01", "2026-08-02")));
    }

    @Test
    void slotLengthFromFiveMinutesToEightHours() {
        assertDoesNotThrow(() -> query().slots(5, 5).build());
        assertDoesNotThrow(() -> query().slots(480, 30).build());
        assertEquals("slotLength must be between 5 minutes and 8 hours", rejected(query().slots(4, 30)));
        assertEquals("slotLength must be between 5 minutes and 8 hours", rejected(query().slots(481, 30)));
        QueryBuilder seconds = query();
        seconds.slotLength = Duration.ofMinutes(5).minusSeconds(1);
        assertEquals("slotLength must be between 5 minutes and 8 hours", rejected(seconds));
    }

    @Test
    void stepFromFiveMinutesToADay() {
        assertDoesNotThrow(() -> query().slots(30, 1440).build());
        assertDoesNotThrow(() -> query().slots(30, 90).build());
        assertEquals("step must be between 5 minutes and 24 hours", rejected(query().slots(30, 4)));
        assertEquals("step must be between 5 minutes and 24 hours", rejected(query().slots(30, 1441)));
        assertEquals("step must be between 5 minutes and 24 hours", rejected(query().slots(30, 0)));
    }

    @Test
    void buffersFromZeroToFourHours() {
        assertDoesNotThrow(() -> query().buffers(240, 0).build());
        assertDoesNotThrow(() -> query().buffers(0, 240).build());
        assertEquals("bufferBefore must be between 0 and 4 hours", rejected(query().buffers(-1, 0)));
        assertEquals("bufferBefore must be between 0 and 4 hours", rejected(query().buffers(241, 0)));
        assertEquals("bufferAfter must be between 0 and 4 hours", rejected(query().buffers(0, -1)));
        assertEquals("bufferAfter must be between 0 and 4 hours", rejected(query().buffers(0, 241)));
    }

    @Test
    void minimumNoticeIsNotNegative() {
        assertDoesNotThrow(() -> query().notice(0).build());
        assertDoesNotThrow(() -> query().notice(60 * 24 * 30).build());
        assertEquals("minimumNotice must not be negative", rejected(query().notice(-1)));
    }

    @Test
    void horizonEndIsAfterNow() {
        Instant now = Instant.parse("2026-06-10T08:00:00Z");
        assertDoesNotThrow(() -> query().now(now).horizon(now.plusSeconds(1)).build());
        assertEquals("horizonEnd must be after now", rejected(query().now(now).horizon(now)));
        assertEquals("horizonEnd must be after now", rejected(query().now(now).horizon(now.minusSeconds(60))));
    }

    @Test
    void theZoneIsARegionNotAFixedOffset() {
        String message = "zone must be an IANA time zone such as Europe/Berlin, not a fixed offset";
        QueryBuilder offset = query();
        offset.zone = ZoneOffset.ofHours(2);
        assertEquals(message, rejected(offset));
        assertEquals(message, rejected(query().zone("GMT+2")));
        assertEquals(message, rejected(query().zone("UTC+01:00")));
        assertDoesNotThrow(() -> query().zone("UTC").build());
        assertDoesNotThrow(() -> query().zone("Etc/GMT-2").build());
        assertDoesNotThrow(() -> query().zone("America/Port-au-Prince").build());
        assertEquals(ZoneId.of("Asia/Tokyo"), query().zone("Asia/Tokyo").build().zone());
    }

    private static String rejected(QueryBuilder query) {
        return assertThrows(InvalidSlotQuery.class, query::build).getMessage();
    }
}
