package org.corpconnect.busytime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import org.corpconnect.calendar.BusyInterval;
import org.corpconnect.calendar.BusyType;
import org.junit.jupiter.api.Test;

class BusyDigestTest {

    private static final BusyInterval MORNING = new BusyInterval(Instant.parse("2027-01-05T08:00:00Z"),
            Instant.parse("2027-01-05T09:00:00Z"), BusyType.BUSY);
    private static final BusyInterval AFTERNOON = new BusyInterval(Instant.parse("2027-01-05T13:00:00Z"),
            Instant.parse("2027-01-05T14:00:00Z"), BusyType.TENTATIVE);

    @Test
    void theSameBusyTimeInAnyOrderHasTheSameDigest() {
        assertEquals(BusyDigest.of(List.of(MORNING, AFTERNOON)), BusyDigest.of(List.of(AFTERNOON, MORNING)));
    }

    @Test
    void anyChangeChangesIt() {
        String before = BusyDigest.of(List.of(MORNING, AFTERNOON));

        assertNotEquals(before, BusyDigest.of(List.of(MORNING)));
        assertNotEquals(before, BusyDigest.of(List.of(MORNING, new BusyInterval(AFTERNOON.start(), AFTERNOON.end(), BusyType.BUSY))));
        assertNotEquals(before, BusyDigest.of(List.of(MORNING, new BusyInterval(AFTERNOON.start(), AFTERNOON.end().plusSeconds(60),
                BusyType.TENTATIVE))));
        assertNotEquals(BusyDigest.of(List.of()), before);
    }
}
