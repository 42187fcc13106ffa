/** The request log: operation, authenticated and impersonated mailbox, targets, requested view and properties, auth outcome and response codes of each EWS request, so tests can assert who did what and what was never asked. */
package org.corpconnect.sim.requestlog;
