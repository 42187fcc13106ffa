package org.corpconnect.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageTimesTest {

    private static final Instant AT = Instant.parse("2026-12-06T07:32:41.123456789Z");

    @Test
    void timesAreShownToTheMinuteAndMarkedUpToTheSecondNeverInNanoseconds() {
        assertEquals("2026-12-06 07:32 UTC", PageTimes.minute(AT));
        assertEquals("2026-12-06T07:32:41Z", PageTimes.iso(AT));
        assertEquals("2026-12-06T07:32:41Z", PageTimes.iso(Optional.of(AT)));
    }

    @Test
    void nothingIsShownForNoTime() {
        assertEquals("", PageTimes.minute(null));
        assertEquals("", PageTimes.iso(Optional.empty()));
        assertEquals("", PageTimes.ago("not a time"));
    }

    @Test
    void agesReadAsPeopleSayThem() {
        assertEquals("just now", PageTimes.ago(AT, AT.plusSeconds(59)));
        assertEquals("1 minute ago", PageTimes.ago(AT, AT.plusSeconds(60)));
        assertEquals("3 minutes ago", PageTimes.ago(AT, AT.plusSeconds(3 * 60 + 59)));
        assertEquals("59 minutes ago", PageTimes.ago(AT, AT.plusSeconds(59 * 60)));
        assertEquals("1 hour ago", PageTimes.ago(AT, AT.plusSeconds(60 * 60)));
        assertEquals("47 hours ago", PageTimes.ago(AT, AT.plusSeconds(47 * 3600 + 3599)));
        assertEquals("2 days ago", PageTimes.ago(AT, AT.plusSeconds(48 * 3600)));
        assertEquals("in 12 minutes", PageTimes.ago(AT.plusSeconds(12 * 60 + 5), AT));
        assertEquals("in less than a minute", PageTimes.ago(AT.plusSeconds(30), AT));
    }
}
