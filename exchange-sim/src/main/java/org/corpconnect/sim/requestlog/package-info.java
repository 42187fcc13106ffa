/** The request log: operation, authenticated and impersonated mailbox, targets, requested view and properties, auth outcome and response codes of each EWS and Graph request (for Graph also the app, app-only or delegated, $select and the properties returned), so tests can assert who did what and what was never asked. */
package org.corpconnect.sim.requestlog;
