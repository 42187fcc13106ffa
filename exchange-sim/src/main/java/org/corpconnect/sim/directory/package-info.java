/** The simulated organisation: mailboxes (address, display name, time zone, working hours, password), calendar folder permissions per grantee (CalendarAccess), the impersonation right (all or scoped) and OAuth applications. */
package org.corpconnect.sim.directory;
