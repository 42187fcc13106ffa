/**
 * {@code POST /users/{id}/calendar/getSchedule} (calendar-getschedule.md): free/busy of up to 20
 * mailboxes over less than 62 days, with the merged {@code availabilityView}, the items (subject and
 * location only where the owner's sharing, as the access model answers it, allows them; never of a
 * private item), the working hours, and an {@code error} per schedule that cannot be read.
 */
package org.corpconnect.sim.graph.schedule;
