/** The users page: each user's delegation status with what to do about it, adding, CSV import with a per-row report, removal, refresh now. */
package org.corpconnect.admin.users;
