package org.corpconnect.sim.graph.access;

/** What a Graph request does to one mailbox's calendar, as the access model judges it. */
public enum CalendarOperation {
    /** {@code getSchedule}: free/busy (and subject/location where the owner shares them). */
    READ_SCHEDULE,
    /** {@code calendarView}, {@code events}, {@code delta}, {@code subscriptions} on events. */
    READ_EVENTS,
    /** Create, update, delete, cancel an event. */
    WRITE_EVENTS
}
