/** The simulated organisation: mailboxes (address, display name, time zone, working hours, password), calendar folder permissions per grantee (CalendarAccess), the impersonation right (all or scoped), OAuth applications, and mail-enabled security groups (Groups), whose membership RBAC management scopes filter on. */
package org.corpconnect.sim.directory;
