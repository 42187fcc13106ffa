package org.corpconnect.calendar;

/** How a span of a calendar is taken, as Exchange's free/busy reports it (LegacyFreeBusyType). */
public enum BusyType {
    FREE, TENTATIVE, BUSY, OOF, WORKING_ELSEWHERE, NO_DATA
}
