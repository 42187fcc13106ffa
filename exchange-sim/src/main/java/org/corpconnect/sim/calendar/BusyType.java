package org.corpconnect.sim.calendar;

/**
 * t:LegacyFreeBusyType. The merged digit follows mergedfreebusy.md (0 free, 1 tentative, 2 busy,
 * 3 OOF, 4 no data); the reference gives no digit for WorkingElsewhere, so it merges as free
 * (the person is working and can be booked), and ranks below tentative where slots overlap.
 */
public enum BusyType {
    Free('0', 0), WorkingElsewhere('0', 1), Tentative('1', 2), Busy('2', 3), OOF('3', 4), NoData('4', -1);

    private final char mergedDigit;
    private final int rank;

    BusyType(char mergedDigit, int rank) {
        this.mergedDigit = mergedDigit;
        this.rank = rank;
    }

    public char mergedDigit() {
        return mergedDigit;
    }

    /** Which status wins where two appointments overlap in one merged slot. */
    public int rank() {
        return rank;
    }

    public static BusyType parse(String s) {
        for (BusyType b : values()) {
            if (b.name().equalsIgnoreCase(s)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown free/busy status: " + s);
    }
}
