package org.corpconnect.sim.calendar;

import static org.junit.jupiter.api.Assertions.*;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Windows and IANA zone ids both ways, aliases included. */
class WindowsZonesTest {
    @Test
    void bothWays() {
        assertEquals(ZoneId.of("America/Los_Angeles"), WindowsZones.toZone("Pacific Standard Time").orElseThrow());
        assertEquals("W. Europe Standard Time", WindowsZones.toWindowsId(ZoneId.of("Europe/Berlin")));
        assertEquals("India Standard Time", WindowsZones.toWindowsId(ZoneId.of("Asia/Kolkata")));
        assertEquals(ZoneId.of("Europe/Paris"), WindowsZones.toZone("Europe/Paris").orElseThrow(), "IANA ids pass through");
        assertTrue(WindowsZones.toZone("Nowhere Standard Time").isEmpty());
    }
}
