/** Calendars: items, recurring series expanded into occurrences in the item's own time zone (DST-correct), exceptions and deleted occurrences, extended properties, and the legacy time zone format of GetUserAvailability. */
package org.corpconnect.sim.calendar;
