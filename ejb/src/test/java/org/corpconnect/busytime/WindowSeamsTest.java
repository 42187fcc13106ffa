package org.corpconnect.busytime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.junit.jupiter.api.Test;

class WindowSeamsTest {

    private static final Instant SEAM = Instant.parse("2027-01-06T00:00:00Z");

    @Test
    void anEventCutAtTheSeamIsWholeAgain() {
        var before = interval("2027-01-05T22:00:00Z", "2027-01-06T00:00:00Z", BusyType.OOF);
        var after = interval("2027-01-06T00:00:00Z", "2027-01-06T03:00:00Z", BusyType.OOF);

        assertEquals(List.of(interval("2027-01-05T22:00:00Z", "2027-01-06T03:00:00Z", BusyType.OOF)),
                WindowSeams.join(List.of(after, before), Set.of(SEAM)));
    }

    @Test
    void backToBackEventsAwayFromASeamStayApart() {
        var first = interval("2027-01-05T09:00:00Z", "2027-01-05T10:00:00Z", BusyType.BUSY);
        var second = interval("2027-01-05T10:00:00Z", "2027-01-05T11:00:00Z", BusyType.BUSY);

        assertEquals(List.of(first, second), WindowSeams.join(List.of(second, first), Set.of(SEAM)));
    }

    @Test
    void differentBusyTypesMeetingAtTheSeamStayApart() {
        var busy = interval("2027-01-05T23:00:00Z", "2027-01-06T00:00:00Z", BusyType.BUSY);
        var tentative = interval("2027-01-06T00:00:00Z", "2027-01-06T01:00:00Z", BusyType.TENTATIVE);

        assertEquals(List.of(busy, tentative), WindowSeams.join(List.of(tentative, busy), Set.of(SEAM)));
    }

    @Test
    void twoEventsAcrossTheSameSeamAreEachJoinedOnce() {
        var a1 = interval("2027-01-05T22:00:00Z", "2027-01-06T00:00:00Z", BusyType.BUSY);
        var a2 = interval("2027-01-06T00:00:00Z", "2027-01-06T01:00:00Z", BusyType.BUSY);
        var b1 = interval("2027-01-05T23:00:00Z", "2027-01-06T00:00:00Z", BusyType.BUSY);
        var b2 = interval("2027-01-06T00:00:00Z", "2027-01-06T02:00:00Z", BusyType.BUSY);

        assertEquals(2, WindowSeams.join(List.of(a1, a2, b1, b2), Set.of(SEAM)).size());
    }

    private static BusyInterval interval(String start, String end, BusyType type) {
        return new BusyInterval(Instant.parse(start), Instant.parse(end), type);
    }
}
