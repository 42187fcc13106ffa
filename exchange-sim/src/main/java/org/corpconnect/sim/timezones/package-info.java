/**
 * GetServerTimeZones: the Windows time zones the server knows, each as a full definition (periods
 * and the yearly transitions of the current year), as clients ask for them when they start.
 */
package org.corpconnect.sim.timezones;
